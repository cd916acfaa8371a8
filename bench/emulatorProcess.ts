/**
 * The emulator in a child process of the benchmark, so that its hashing of the uploaded bytes
 * (sha256 + md5 on every chunk) does not share an event loop with the uploader being measured,
 * nor count in the uploader's memory. Curl and our node then face the same separate server.
 *
 * Started by bench/upload.ts through `fork`; sends `{ url, uploadUrl, apiKey }` once listening
 * and exits when the parent disconnects or sends 'close'.
 */
import { startEmulator } from '../test/emulator';

export interface EmulatorAddress {
	url: string;
	uploadUrl: string;
	apiKey: string;
}

async function main(): Promise<void> {
	const emulator = await startEmulator({ processingDelayMs: Infinity });
	let closing = false;
	const close = (): void => {
		if (closing) return;
		closing = true;
		void emulator.close().then(() => process.exit(0));
	};
	process.on('message', (message) => {
		if (message === 'close') close();
	});
	process.once('disconnect', close);
	process.once('SIGTERM', close);
	process.once('SIGINT', close);
	const address: EmulatorAddress = { url: emulator.url, uploadUrl: emulator.uploadUrl, apiKey: emulator.apiKey };
	process.send?.(address);
}

main().catch((error: Error) => {
	console.error(error);
	process.exit(1);
});
