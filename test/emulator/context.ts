import type { FaultInjector } from './faults';
import type { EmulatorOptions } from './options';
import type { Processing } from './processing';
import type { Journal } from './requestLog';
import type { SerializerContext } from './serializers';
import type { UrlSigner } from './signing';
import type { Store } from './store';
import type { Timers } from './timers';
import type { WebhookDispatcher } from './webhookDispatcher';

/** Everything the servers and routes share; one per running emulator. */
export interface EmulatorContext {
	options: EmulatorOptions;
	apiKeys: Set<string>;
	store: Store;
	journal: Journal;
	faults: FaultInjector;
	timers: Timers;
	signer: UrlSigner;
	processing: Processing;
	webhooks: WebhookDispatcher;
	/** Known once the upload host listens. */
	uploadBaseUrl: string;
}

export function serializerContext(context: EmulatorContext): SerializerContext {
	return { signer: context.signer, uploadBaseUrl: context.uploadBaseUrl, clipUrlTtlSeconds: context.options.clipUrlTtlSeconds };
}
