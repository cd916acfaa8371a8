import { randomUUID } from 'node:crypto';
import { validateCallback } from '../openapi/validate';
import type { WebhookRetryOptions } from './options';
import type { Journal } from './requestLog';
import type { Store } from './store';
import type { Timers } from './timers';

export interface DeliveryAttempt {
	deliveryId: string;
	subscriptionId: string;
	url: string;
	event: string;
	attempt: number;
	/** HTTP status, or null when the connection failed. */
	status: number | null;
	error?: string;
	/** True for attempts started by control `redeliver`. */
	redelivery: boolean;
	at: string;
	body: unknown;
}

interface Delivery {
	id: string;
	subscriptionId: string;
	url: string;
	event: string;
	/** Serialised once, so retries and redeliveries send byte-identical bodies. */
	body: string;
}

export interface DispatcherDependencies {
	store: Store;
	timers: Timers;
	journal: Journal;
	retry: WebhookRetryOptions;
	timeoutMs: number;
}

/** Delivers events to subscriptions, retrying failures with exponential back-off. */
export class WebhookDispatcher {
	private readonly deliveries = new Map<string, Delivery>();
	private readonly log: DeliveryAttempt[] = [];
	private readonly inFlight = new Set<AbortController>();

	constructor(private readonly deps: DispatcherDependencies) {}

	dispatch(event: string, payload: unknown): string[] {
		const message = { event, payload };
		this.deps.journal.violation('callback', validateCallback(message, event), { method: 'POST', path: '(webhook)' });
		const body = JSON.stringify(message);
		const targets = [...this.deps.store.subscriptions.values()].filter(
			(s) => s.active && (s.subscribedEvents.includes('*') || s.subscribedEvents.includes(event)),
		);
		return targets.map((subscription) => {
			const delivery: Delivery = { id: randomUUID(), subscriptionId: subscription.id, url: subscription.url, event, body };
			this.deliveries.set(delivery.id, delivery);
			void this.attempt(delivery, 1, false);
			return delivery.id;
		});
	}

	redeliver(deliveryId: string): boolean {
		const delivery = this.deliveries.get(deliveryId);
		if (!delivery) return false;
		void this.attempt(delivery, 1, true);
		return true;
	}

	attempts(): DeliveryAttempt[] {
		return [...this.log];
	}

	clear(): void {
		for (const controller of this.inFlight) controller.abort();
		this.inFlight.clear();
		this.deliveries.clear();
		this.log.length = 0;
	}

	/** Retrying for a subscription deleted meanwhile (a deactivated trigger) would only hit a dead URL. */
	private stillSubscribed(delivery: Delivery): boolean {
		return this.deps.store.subscriptions.get(delivery.subscriptionId)?.active === true;
	}

	private async attempt(delivery: Delivery, attempt: number, redelivery: boolean): Promise<void> {
		const controller = new AbortController();
		this.inFlight.add(controller);
		const timeout = this.deps.timers.after(this.deps.timeoutMs, () => controller.abort());
		let status: number | null = null;
		let error: string | undefined;
		try {
			const response = await fetch(delivery.url, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', 'User-Agent': 'ContentGroove-Webhooks (emulator)' },
				body: delivery.body,
				signal: controller.signal,
			});
			status = response.status;
			await response.arrayBuffer().catch(() => undefined);
		} catch (caught) {
			error = (caught as Error).cause ? String(((caught as Error).cause as Error).message ?? (caught as Error).cause) : (caught as Error).message;
		} finally {
			this.deps.timers.cancel(timeout);
		}
		if (!this.inFlight.delete(controller)) return; // cleared by reset/close meanwhile
		this.log.push({
			deliveryId: delivery.id,
			subscriptionId: delivery.subscriptionId,
			url: delivery.url,
			event: delivery.event,
			attempt,
			status,
			...(error ? { error } : {}),
			redelivery,
			at: new Date().toISOString(),
			body: JSON.parse(delivery.body),
		});
		const delivered = status !== null && status >= 200 && status < 300;
		if (!delivered && this.stillSubscribed(delivery) && attempt < this.deps.retry.attempts) {
			this.deps.timers.after(this.deps.retry.baseDelayMs * 2 ** (attempt - 1), () => void this.attempt(delivery, attempt + 1, redelivery));
		}
	}
}
