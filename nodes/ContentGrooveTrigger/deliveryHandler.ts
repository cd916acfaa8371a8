import { createHash, timingSafeEqual } from 'crypto';
import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { readDelivery } from './deliveryOutput';
import type { TriggerStaticData } from './subscriptionLifecycle';
import { SECRET_PARAMETER } from './subscriptionLifecycle';

/** How many recent deliveries are remembered to recognise a redelivery. */
export const REMEMBERED_DELIVERIES = 500;

function digest(value: string): Buffer {
	return createHash('sha256').update(value).digest();
}

/** Constant-time, whatever the lengths, so the comparison leaks nothing about the secret. */
function secretMatches(given: unknown, expected: string | undefined): boolean {
	if (typeof given !== 'string' || !given || !expected) return false;
	return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Handles one POST from ContentGroove. Kept fast — no API calls: n8n answers at once and
 * ContentGroove retries anything slow. Forged calls get 401 and start nothing.
 */
export async function handleDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const staticData = this.getWorkflowStaticData('node') as TriggerStaticData;
	const query = this.getQueryData() as Record<string, unknown>;
	if (!secretMatches(query[SECRET_PARAMETER], staticData.secret)) {
		this.getResponseObject().status(401).json({ message: 'Unknown or missing webhook secret' });
		return { noWebhookResponse: true };
	}

	const body = this.getBodyData();
	// An event not chosen is acknowledged whatever its payload (other events need not carry a
	// media): refusing it would only make ContentGroove retry it.
	const event = (body as { event?: unknown }).event;
	const events = this.getNodeParameter('events', []) as string[];
	if (typeof event === 'string' && !events.includes('*') && !events.includes(event)) {
		return { webhookResponse: { received: true, ignored: 'event not chosen in the trigger' } };
	}

	const delivery = readDelivery(body, {
		simplify: this.getNodeParameter('simplify', true) as boolean,
		oneItemPerClip: this.getNodeParameter('options.oneItemPerClip', false) as boolean,
	});
	if (!delivery) {
		this.getResponseObject().status(400).json({ message: 'The body is not a ContentGroove webhook delivery' });
		return { noWebhookResponse: true };
	}
	const { dedupeKey, items } = delivery;

	if (this.getNodeParameter('options.ignoreRepeatedDeliveries', true) as boolean) {
		const recent = staticData.recentDeliveries ?? [];
		if (recent.includes(dedupeKey)) {
			return { webhookResponse: { received: true, ignored: 'repeated delivery' } };
		}
		// n8n saves static data after webhook(); this remembers the key for later redeliveries.
		staticData.recentDeliveries = [...recent, dedupeKey].slice(-REMEMBERED_DELIVERIES);
	}
	return { workflowData: [items] };
}
