import { randomBytes } from 'node:crypto';

import { startEmulator, type Emulator, type EmulatorOptionsInput } from '../../emulator';
import { N8nInstance } from './n8n';

/** A ContentGroove emulator (in this process) and a real n8n with the credential pointing at it. */
export interface Sandbox {
	emulator: Emulator;
	n8n: N8nInstance;
	/** Random per run, so that grepping n8n's log for it cannot pass by luck. */
	apiKey: string;
	close(): Promise<void>;
}

export async function createSandbox(name: string, emulatorOptions: EmulatorOptionsInput = {}): Promise<Sandbox> {
	const apiKey = `cg_e2e_${randomBytes(12).toString('hex')}`;
	const emulator = await startEmulator({ port: 0, uploadPort: 0, ...emulatorOptions, apiKeys: [apiKey] });
	const n8n = await N8nInstance.create(name);
	await n8n.importCredential({ apiKey, baseUrl: emulator.url });
	return {
		emulator,
		n8n,
		apiKey,
		async close() {
			await n8n.stop();
			await emulator.close();
		},
	};
}

/** Every line of n8n's log (server and CLI) that shows the key (empty when it never leaked). */
export function keyLeaks(sandbox: Sandbox): string[] {
	return sandbox.n8n
		.log()
		.split('\n')
		.filter((line) => line.includes(sandbox.apiKey));
}
