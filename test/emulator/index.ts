import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApiServer } from './apiServer';
import { EmulatorControl } from './client';
import { serializerContext, type EmulatorContext } from './context';
import { resetEmulator } from './control';
import { FaultInjector } from './faults';
import { resolveOptions, type EmulatorOptions, type EmulatorOptionsInput } from './options';
import { Processing } from './processing';
import { Journal } from './requestLog';
import { clipResource, mediaResource, transcriptionResource } from './serializers';
import { UrlSigner } from './signing';
import { Store } from './store';
import { Timers } from './timers';
import { createUploadServer } from './uploadHost';
import { WebhookDispatcher } from './webhookDispatcher';

export { EmulatorControl } from './client';
export type { EmulatorOptions, EmulatorOptionsInput } from './options';
export type { FaultSpec } from './faults';

export interface Emulator {
	/** API base URL, e.g. `http://127.0.0.1:41234`: what the credential's base URL should be. */
	url: string;
	/** Upload host base URL (presigned PUTs and clip file GETs). */
	uploadUrl: string;
	/** The first configured API key. */
	apiKey: string;
	options: EmulatorOptions;
	control: EmulatorControl;
	close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<string> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			const address = server.address() as AddressInfo;
			resolve(`http://${host}:${address.port}`);
		});
	});
}

function closeServer(server: Server): Promise<void> {
	return new Promise((resolve) => {
		server.close(() => resolve());
		server.closeAllConnections();
	});
}

/** The webhook payload: the media with its clips and transcription included. */
function processingFinishedPayload(context: EmulatorContext, mediaId: string): unknown {
	const media = context.store.medias.get(mediaId);
	if (!media) return undefined;
	const clips = context.store.clipsOf(media.id);
	return {
		data: mediaResource(media, clips, { transcriptionRelationship: true }),
		included: [
			...clips.map((clip) => clipResource(clip, serializerContext(context))),
			...(media.transcription ? [transcriptionResource(media.transcription)] : []),
		],
	};
}

export async function startEmulator(input: EmulatorOptionsInput = {}): Promise<Emulator> {
	const options = resolveOptions(input);
	const store = new Store();
	const timers = new Timers();
	const journal = new Journal();
	const context = {
		options,
		apiKeys: new Set(options.apiKeys),
		store,
		journal,
		timers,
		faults: new FaultInjector(),
		signer: new UrlSigner(),
		webhooks: new WebhookDispatcher({ store, timers, journal, retry: options.webhookRetry, timeoutMs: options.webhookTimeoutMs }),
		uploadBaseUrl: '',
	} as EmulatorContext;
	context.processing = new Processing({
		store,
		timers,
		options,
		uploadBaseUrl: () => context.uploadBaseUrl,
		onMediaProcessed: (media) => context.webhooks.dispatch('media.processing_finished', processingFinishedPayload(context, media.id)),
	});
	const uploadServer = createUploadServer(context);
	const apiServer = createApiServer(context);
	context.uploadBaseUrl = await listen(uploadServer, options.uploadPort, options.host);
	const url = await listen(apiServer, options.port, options.host);
	return {
		url,
		uploadUrl: context.uploadBaseUrl,
		apiKey: options.apiKeys[0],
		options,
		control: new EmulatorControl(url),
		async close() {
			resetEmulator(context);
			await Promise.all([closeServer(apiServer), closeServer(uploadServer)]);
		},
	};
}
