import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';

import { NodeApiError } from 'n8n-workflow';

import {
	assertNoSecret,
	BINARY_SOURCE_TYPE,
	CONTENTGROOVE_TYPE,
	binaryDataStoragePath,
	binarySha256,
	binaryToBuffer,
	deterministicBytes,
	HTTP_PROBE_TYPE,
	MANUAL_TRIGGER_TYPE,
	runWorkflow,
	testCredential,
	withOurNodes,
} from './index';
import { startLocalServer, type LocalServer } from './localServer';

const API_KEY = 'cg_secret_harness_key';
const start = { name: 'Start', type: MANUAL_TRIGGER_TYPE, parameters: {} };
const credentialRef = { testApi: { id: '1', name: 'Test account' } };

let server: LocalServer;

beforeAll(async () => {
	server = await startLocalServer((request, response) => {
		if (request.url.startsWith('/fail')) {
			response.writeHead(404, { 'content-type': 'application/json' }).end('{"errors":[{"title":"Not found"}]}');
			return;
		}
		const authorized = request.headers.authorization === `Bearer ${API_KEY}`;
		response
			.writeHead(authorized ? 200 : 401, { 'content-type': 'application/json' })
			.end(JSON.stringify({ path: request.url, authorized }));
	});
});
afterAll(async () => {
	await server.close();
});
beforeEach(() => server.requests.splice(0));

const probe = (parameters: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
	name: 'Probe',
	type: HTTP_PROBE_TYPE,
	parameters,
	credentials: credentialRef,
	...extra,
});
const credentials = () => ({ testApi: { apiKey: API_KEY, baseUrl: server.url } });

describe('runWorkflow', () => {
	it('runs manual trigger → node in the real engine, with paired items and the real Bearer header', async () => {
		const result = await runWorkflow({ nodes: [start, probe({ path: '/things' })], credentials: credentials() });

		expect(result.error).toBeUndefined();
		expect(result.outputOf('Probe')).toEqual([
			{ json: { path: '/things', authorized: true }, pairedItem: { item: 0 } },
		]);
		expect(server.requests[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
		assertNoSecret(result.outputOf('Probe'), API_KEY);
	});

	it('resolves expression parameters against the incoming item', async () => {
		const result = await runWorkflow({
			nodes: [
				start,
				{ name: 'Source', type: BINARY_SOURCE_TYPE, parameters: { fileName: 'clip-42.mp4', sizeBytes: 10 } },
				probe({ path: '=/media/{{ $json.fileName.replace(".mp4", "") }}' }),
			],
			credentials: credentials(),
		});

		expect(result.error).toBeUndefined();
		expect(server.requests.map((request) => request.url)).toEqual(['/media/clip-42']);
	});

	it('returns the real node error when a node fails', async () => {
		const result = await runWorkflow({ nodes: [start, probe({ path: '/fail' })], credentials: credentials() });

		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.errorOf('Probe')).toBe(result.error);
		expect(result.error).toMatchObject({
			message: expect.stringContaining('could not be found'),
			httpCode: '404',
			node: { name: 'Probe' },
		});
		expect(result.runData.Probe[0].error?.message).toBe(result.error?.message);
		expect(result.outputOf('Probe')).toEqual([]);
	});

	it('turns a failure into an error item under continueOnFail', async () => {
		const result = await runWorkflow({
			nodes: [start, probe({ path: '/fail' }, { onError: 'continueRegularOutput' })],
			credentials: credentials(),
		});

		expect(result.error).toBeUndefined();
		expect(result.outputOf('Probe')).toEqual([
			{ json: { error: expect.stringContaining('could not be found') }, pairedItem: { item: 0 } },
		]);
	});
});

describe('binary data', () => {
	const sizeBytes = 3 * 1024 * 1024 + 17;
	const expectedSha = async () => {
		const hash = createHash('sha256');
		for await (const chunk of deterministicBytes('s1', sizeBytes)) hash.update(chunk as Buffer);
		return hash.digest('hex');
	};
	const source = { name: 'Source', type: BINARY_SOURCE_TYPE, parameters: { sizeBytes, seed: 's1' } };

	it('keeps binary in memory as base64 in default mode', async () => {
		const result = await runWorkflow({ nodes: [start, source], binaryDataMode: 'default' });

		const [item] = result.outputOf('Source');
		expect(item.binary?.data).toMatchObject({ fileName: 'video.mp4', mimeType: 'video/mp4', bytes: sizeBytes });
		expect(item.binary?.data.id).toBeUndefined();
		expect(await binarySha256(item)).toBe(await expectedSha());
		expect((await binaryToBuffer(item)).length).toBe(sizeBytes);
	});

	it('writes binary to disk in filesystem mode and streams it back', async () => {
		const result = await runWorkflow({
			nodes: [
				start,
				{ ...source, parameters: { base64: Buffer.from('hello').toString('base64') } },
				{ ...source, name: 'Big' },
			],
			connections: {
				Start: { main: [[{ node: 'Source', type: 'main', index: 0 }, { node: 'Big', type: 'main', index: 0 }]] },
			},
			binaryDataMode: 'filesystem',
		});

		const [small] = result.outputOf('Source');
		const [big] = result.outputOf('Big');
		expect(small.binary?.data.id).toMatch(/^filesystem-v2:/);
		expect((await binaryToBuffer(small)).toString()).toBe('hello');
		expect(await binarySha256(big)).toBe(await expectedSha());
		const storedSizes = listFiles(binaryDataStoragePath()!).map((file) => statSync(file).size);
		expect(storedSizes).toContain(sizeBytes);
	});
});

describe('our package', () => {
	it('loads the ContentGroove node under the type name n8n gives it', async () => {
		const nodes = await withOurNodes();
		expect(nodes[CONTENTGROOVE_TYPE].description.name).toBe('contentGroove');
	});

	it('tests the real ContentGrooveApi credential with its Bearer header', async () => {
		expect(await testCredential({ apiKey: API_KEY, baseUrl: `${server.url}/` })).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(server.requests.map(({ url, headers }) => [url, headers.authorization])).toEqual([
			['/api/v1/webhook_subscriptions', `Bearer ${API_KEY}`],
		]);
	});
});

describe('testCredential', () => {
	it('reports OK for a key the server accepts', async () => {
		expect(await testCredential({ apiKey: API_KEY, baseUrl: server.url }, { type: 'testApi' })).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
	});

	it('reports the HTTP status for a wrong key, and the error code for an unreachable URL', async () => {
		expect(await testCredential({ apiKey: 'wrong', baseUrl: server.url }, { type: 'testApi' })).toEqual({
			status: 'Error',
			message: 'Unauthorized',
		});
		expect(await testCredential({ apiKey: API_KEY, baseUrl: 'http://127.0.0.1:9' }, { type: 'testApi' })).toEqual({
			status: 'Error',
			message: 'ECONNREFUSED',
		});
	});
});

function listFiles(directory: string): string[] {
	return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(directory, entry.name);
		return entry.isDirectory() ? listFiles(full) : [full];
	});
}
