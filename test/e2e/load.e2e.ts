import { readFileSync } from 'node:fs';
import path from 'node:path';

import { repoRoot } from './lib/paths';
import { createSandbox, keyLeaks, type Sandbox } from './lib/sandbox';

/** What package.json's "n8n" field declares, under the names n8n registers them by. */
function declaredTypes(): { nodes: string[]; credentials: string[] } {
	const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
	const typeName = (file: string, suffix: string): string => {
		const base = path.basename(file, suffix);
		return base[0].toLowerCase() + base.slice(1);
	};
	return {
		nodes: pkg.n8n.nodes.map((file: string) => `${pkg.name}.${typeName(file, '.node.js')}`),
		credentials: pkg.n8n.credentials.map((file: string) => typeName(file, '.credentials.js')),
	};
}

describe('n8n loads the package installed from its npm tarball', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await createSandbox('e2e-load');
		const { seconds } = await sandbox.n8n.start();
		process.stderr.write(`[e2e] n8n started in ${seconds.toFixed(1)} s\n`);
		await sandbox.n8n.setupOwner();
	});
	afterAll(async () => sandbox?.close());

	it('declares both nodes and the credential', () => {
		expect(declaredTypes()).toEqual({
			nodes: expect.arrayContaining(['n8n-nodes-contentgroove.contentGroove', 'n8n-nodes-contentgroove.contentGrooveTrigger']),
			credentials: ['contentGrooveApi'],
		});
	});

	it('serves our node types and credential type to the editor, and holds the imported credential', async () => {
		// The type files the editor loads: what n8n registered, under its full type names.
		const nodeTypes = (await sandbox.n8n.fetchAsOwner('GET', '/types/nodes.json')) as Array<{ name: string }>;
		const credentialTypes = (await sandbox.n8n.fetchAsOwner('GET', '/types/credentials.json')) as Array<{ name: string }>;
		const { nodes, credentials: credentialNames } = declaredTypes();
		expect(nodeTypes.map((type) => type.name)).toEqual(expect.arrayContaining(nodes));
		expect(credentialTypes.map((type) => type.name)).toEqual(expect.arrayContaining(credentialNames));

		const credentials = await sandbox.n8n.rest<Array<{ id: string; name: string; type: string }>>('GET', '/credentials');
		expect(credentials).toEqual([expect.objectContaining({ name: 'ContentGroove E2E', type: 'contentGrooveApi' })]);
	});

	it('never writes the API key to its log', async () => {
		await sandbox.n8n.stop();
		expect(keyLeaks(sandbox)).toEqual([]);
	});
});
