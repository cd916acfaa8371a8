import type { ClipFileInfo } from './clipFile';
import type { Fault, FaultSpec } from './faults';
import type { LoggedRequest, Violation } from './requestLog';
import type { Blob, Media, WebhookSubscription } from './store';
import type { DeliveryAttempt } from './webhookDispatcher';

export type { ClipFileInfo, DeliveryAttempt, Fault, FaultSpec, LoggedRequest, Violation };
export type UploadRecord = Blob;

/** Typed client of the control API (`${url}/_emulator/`); works from any process. */
export class EmulatorControl {
	constructor(readonly baseUrl: string) {}

	private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.baseUrl}/_emulator/${path}`, {
			method,
			headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const parsed = (await response.json()) as T & { error?: string };
		if (!response.ok) throw new Error(`Emulator control ${method} ${path} failed (${response.status}): ${parsed.error ?? ''}`);
		return parsed;
	}

	async reset(): Promise<void> {
		await this.call('POST', 'reset');
	}

	/** Finishes a media's processing now (suggested clips, transcription, webhook). */
	async finishProcessing(mediaId: string): Promise<void> {
		await this.call('POST', `medias/${encodeURIComponent(mediaId)}/finish-processing`);
	}

	injectFault(fault: FaultSpec): Promise<Fault> {
		return this.call('POST', 'faults', fault);
	}

	faults(): Promise<Fault[]> {
		return this.call('GET', 'faults');
	}

	async clearFaults(): Promise<void> {
		await this.call('DELETE', 'faults');
	}

	requests(): Promise<LoggedRequest[]> {
		return this.call('GET', 'requests');
	}

	violations(): Promise<Violation[]> {
		return this.call('GET', 'violations');
	}

	deliveries(): Promise<DeliveryAttempt[]> {
		return this.call('GET', 'deliveries');
	}

	async redeliver(deliveryId: string): Promise<void> {
		await this.call('POST', `deliveries/${encodeURIComponent(deliveryId)}/redeliver`);
	}

	subscriptions(): Promise<WebhookSubscription[]> {
		return this.call('GET', 'subscriptions');
	}

	uploads(): Promise<UploadRecord[]> {
		return this.call('GET', 'uploads');
	}

	medias(): Promise<Media[]> {
		return this.call('GET', 'medias');
	}

	/** Size and sha256 of a rendered clip's file, to check a download against. */
	clipFile(clipId: string): Promise<ClipFileInfo> {
		return this.call('GET', `clips/${encodeURIComponent(clipId)}/file`);
	}

	async setApiKeys(apiKeys: string[]): Promise<void> {
		await this.call('PUT', 'api-keys', { apiKeys });
	}
}
