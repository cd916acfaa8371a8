import { readFileSync } from 'node:fs';
import path from 'node:path';

import { CREDENTIAL_ID, CREDENTIAL_NAME } from './n8n';
import { repoRoot } from './paths';

type Workflow = { id: string; name: string } & object;

/** A workflow of test/e2e/workflows, with its placeholders (`__NAME__`) replaced. */
export function loadWorkflow(file: string, values: Record<string, string> = {}): Workflow {
	let text = readFileSync(path.join(__dirname, '../workflows', file), 'utf8');
	for (const [name, value] of Object.entries(values)) text = text.split(`__${name}__`).join(value);
	const unreplaced = text.match(/__[A-Z_]+__/);
	if (unreplaced) throw new Error(`${file}: no value for placeholder ${unreplaced[0]}`);
	return JSON.parse(text);
}

/**
 * An example workflow of examples/ as `npm run dev` imports it, but using the e2e credential
 * and reading `videoFile` where the example says /path/to/your/video.mp4.
 */
export function loadExample(file: string, videoFile: string): Workflow {
	const text = readFileSync(path.join(repoRoot, 'examples', file), 'utf8')
		.split('/path/to/your/video.mp4')
		.join(videoFile)
		.split('"CgSandboxCredent"')
		.join(JSON.stringify(CREDENTIAL_ID))
		.split('"ContentGroove Sandbox"')
		.join(JSON.stringify(CREDENTIAL_NAME));
	return JSON.parse(text);
}
