import { randomUUID } from 'node:crypto';

import { NodeOperationError } from 'n8n-workflow';

import {
	BINARY_SOURCE_TYPE,
	TriggerHarness,
	WEBHOOK_PROBE_TRIGGER_TYPE,
	type TriggerHarnessOptions,
} from './index';
import { startLocalServer, type LocalServer } from './localServer';

const API_KEY = 'registry_key';

/** A fake third-party service where the trigger registers its webhook URL. */
async function startRegistry() {
	const hooks = new Map<string, string>();
	const server = await startLocalServer((request, response) => {
		const reply = (status: number, body: unknown = {}) =>
			response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
		if (request.headers.authorization !== `Bearer ${API_KEY}`) return reply(401);
		const id = /^\/hooks\/(.+)$/.exec(request.url)?.[1];
		if (request.method === 'POST' && request.url === '/hooks') {
			const hookId = randomUUID();
			hooks.set(hookId, (JSON.parse(request.body) as { url: string }).url);
			return reply(201, { id: hookId });
		}
		if (id && hooks.has(id)) {
			if (request.method === 'DELETE') hooks.delete(id);
			return reply(200, { id, url: hooks.get(id) });
		}
		return reply(404);
	});
	return { server, hooks };
}

const postJson = async (url: string, body: string) =>
	await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

const methodsOf = (harness: TriggerHarness) =>
	harness
		.webhookMethodCalls()
		.map(({ method, webhookMode, activation, result }) => `${webhookMode}:${activation}:${method}=${result}`);

describe('TriggerHarness', () => {
	let registry: { server: LocalServer; hooks: Map<string, string> };
	let harness: TriggerHarness;
	const harnessOptions = (): TriggerHarnessOptions => ({
		workflow: {
			nodes: [
				{
					name: 'Trigger',
					type: WEBHOOK_PROBE_TRIGGER_TYPE,
					parameters: {},
					credentials: { testApi: { id: '1', name: 'Registry' } },
				},
				{ name: 'Next', type: BINARY_SOURCE_TYPE, parameters: { fileName: '={{ $json.media }}.mp4', sizeBytes: 4 } },
			],
		},
		credentials: { testApi: { apiKey: API_KEY, baseUrl: registry.server.url } },
	});

	beforeEach(async () => {
		registry = await startRegistry();
		harness = new TriggerHarness(harnessOptions());
	});
	afterEach(async () => {
		await harness.close();
		await registry.server.close();
	});

	it('activates by creating the registration, and keeps it across a restart', async () => {
		await harness.activate();

		const url = harness.webhookUrl();
		expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhook\/[0-9a-f-]{36}\/probe$/);
		expect([...registry.hooks.values()]).toEqual([url]);
		expect(harness.staticData()).toEqual({ 'node:Trigger': { hookId: [...registry.hooks.keys()][0] } });
		expect(methodsOf(harness)).toEqual(['production:activate:checkExists=false', 'production:activate:create=true']);

		await harness.restart();
		expect(methodsOf(harness).slice(2)).toEqual(['production:init:checkExists=true']);
		expect(registry.hooks.size).toBe(1);
		expect(harness.staticDataSaves()).toBe(1);
	});

	it('re-creates a registration the service lost while n8n was down', async () => {
		await harness.activate();
		registry.hooks.clear();

		await harness.restart();

		expect(methodsOf(harness).slice(2)).toEqual(['production:init:checkExists=false', 'production:init:create=true']);
		expect(harness.staticData()).toEqual({ 'node:Trigger': { hookId: [...registry.hooks.keys()][0] } });
	});

	it('deactivates by deleting the registration', async () => {
		await harness.activate();
		await harness.deactivate();

		expect(methodsOf(harness).at(-1)).toBe('production:update:delete=true');
		expect(registry.hooks.size).toBe(0);
		expect(harness.staticData()).toEqual({ 'node:Trigger': {} });
		expect(harness.isActive()).toBe(false);
	});

	it('runs the workflow for a POST to the production URL', async () => {
		await harness.activate();

		const response = await postJson(harness.webhookUrl(), JSON.stringify({ media: 'm1' }));

		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ message: 'Workflow was started' });
		const [execution] = await harness.waitForExecutions(1);
		expect(execution.webhookMode).toBe('production');
		expect(execution.items).toEqual([{ json: { media: 'm1' } }]);
		expect(execution.result.error).toBeUndefined();
		expect(execution.result.outputOf('Next')[0].json).toEqual({ fileName: 'm1.mp4' });
	});

	it('lets the node answer the request itself, and refuses unknown webhooks', async () => {
		await harness.activate();

		const ping = await postJson(harness.webhookUrl(), '{"ping":true}');
		const wrongMethod = await fetch(harness.webhookUrl(), { method: 'GET' });
		const testUrl = await fetch(harness.webhookUrl('test'), { method: 'POST' });

		expect([ping.status, await ping.json()]).toEqual([202, { pong: true }]);
		expect(wrongMethod.status).toBe(404);
		expect(testUrl.status).toBe(404);
		expect(harness.executions()).toHaveLength(0);
	});

	it('answers 500 when webhook() throws, and keeps the real error', async () => {
		await harness.activate();

		const response = await postJson(harness.webhookUrl(), '{"reject":true}');

		expect([response.status, await response.json()]).toEqual([500, { code: 0, message: 'Delivery rejected' }]);
		expect(harness.webhookErrors()).toEqual([expect.any(NodeOperationError)]);
	});

	it('announces the public webhook base URL when one is configured', async () => {
		const behindTunnel = new TriggerHarness({ ...harnessOptions(), webhookBaseUrl: 'https://tunnel.example/' });
		try {
			await behindTunnel.activate();
			expect([...registry.hooks.values()]).toEqual([expect.stringMatching(/^https:\/\/tunnel\.example\/webhook\/.+\/probe$/)]);
		} finally {
			await behindTunnel.close();
		}
	});

	it('listens for one test event on the test URL with empty static data', async () => {
		await harness.activate();
		await harness.listenForTestEvent();
		const testHookUrl = harness.webhookUrl('test');
		expect(testHookUrl).toContain('/webhook-test/');
		expect(registry.hooks.size).toBe(2);
		expect(methodsOf(harness).slice(2)).toEqual(['test:manual:checkExists=false', 'test:manual:create=true']);

		const response = await postJson(testHookUrl, '{"media":"t1"}');

		expect(response.status).toBe(200);
		const [execution] = await harness.waitForExecutions(1);
		expect(execution.webhookMode).toBe('test');
		expect(methodsOf(harness).at(-1)).toBe('test:update:delete=true');
		expect([...registry.hooks.values()]).toEqual([harness.webhookUrl()]);
		expect(harness.isListening()).toBe(false);
		expect(harness.staticDataSaves()).toBe(1);
	});
});
