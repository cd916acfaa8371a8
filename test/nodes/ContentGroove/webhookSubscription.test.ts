import { randomUUID } from 'node:crypto';

import { locator, useSandbox } from '../sandbox';
import { createSubscriptionDirectly, expectRefusedByN8n, getDirectly, requestsDuring } from './fixtures';

const sandbox = useSandbox();
const HOOK_URL = 'https://example.com/contentgroove_webhooks/12345';

describe('webhook subscription: create', () => {
	it('subscribes the URL to the chosen events, sending exactly url and subscribed_events', async () => {
		const { emulator } = sandbox;
		const { result, api } = await requestsDuring(emulator, () =>
			sandbox.run({
				resource: 'webhookSubscription',
				operation: 'create',
				url: HOOK_URL,
				events: ['media.processing_finished', '*'],
			}),
		);
		expect(result.error).toBeUndefined();
		expect(api.map(({ method, path, body }) => ({ method, path, body }))).toEqual([
			{
				method: 'POST',
				path: '/api/v1/webhook_subscriptions',
				body: { data: { attributes: { url: HOOK_URL, subscribed_events: ['media.processing_finished', '*'] } } },
			},
		]);
		expect(api[0].headers.authorization).toBe(`Bearer ${emulator.apiKey}`);
		expect(result.json).toEqual([
			{
				id: expect.any(String),
				url: HOOK_URL,
				subscribed_events: ['media.processing_finished', '*'],
				active: true,
				created_at: expect.any(String),
				updated_at: expect.any(String),
			},
		]);
		expect((await emulator.control.subscriptions()).map(({ id, url }) => ({ id, url }))).toEqual([
			{ id: result.json[0].id, url: HOOK_URL },
		]);
	});

	it('subscribes to Media Processing Finished by default, and returns the document with Simplify off', async () => {
		const { result, api } = await requestsDuring(sandbox.emulator, () =>
			sandbox.run({ resource: 'webhookSubscription', operation: 'create', url: HOOK_URL, simplify: false }),
		);
		expect(api[0].body).toEqual({
			data: { attributes: { url: HOOK_URL, subscribed_events: ['media.processing_finished'] } },
		});
		expect(result.json[0]).toMatchObject({
			data: { type: 'webhook_subscriptions', attributes: { url: HOOK_URL } },
		});
	});

	it.each([
		[{ url: 'ftp://example.com/hook' }, 'URL "ftp://example.com/hook" is not an http(s) URL'],
		[{ url: 'example.com/hook' }, 'URL "example.com/hook" is not an http(s) URL'],
		[{ url: '={{ "" }}' }, 'URL "" is not an http(s) URL'],
		[{ events: '={{ [] }}' }, 'Events is empty'],
	])('refuses %j before any request', async (parameters, message) => {
		const { result, requests } = await requestsDuring(sandbox.emulator, () =>
			sandbox.run({ resource: 'webhookSubscription', operation: 'create', url: HOOK_URL, ...parameters }),
		);
		expect(result.error?.message).toBe(message);
		expect(result.error?.description).toEqual(expect.any(String));
		expect(requests).toEqual([]);
	});

	it('leaves an empty Events list chosen in the editor to n8n, which refuses to run the node', async () => {
		await expectRefusedByN8n(
			sandbox,
			{ resource: 'webhookSubscription', operation: 'create', url: HOOK_URL, events: [] },
			'Parameter "Events" is required',
		);
	});
});

describe('webhook subscription: get, get many, delete', () => {
	it('gets a subscription by ID and by URL', async () => {
		const { emulator } = sandbox;
		const id = await createSubscriptionDirectly(emulator, HOOK_URL, ['media.processing_finished']);
		const expected = { id, ...(await getDirectly(emulator, `/api/v1/webhook_subscriptions/${id}`)).attributes };
		for (const webhookSubscriptionId of [
			locator(id),
			locator(`${emulator.url}/api/v1/webhook_subscriptions/${id}`, 'url'),
		]) {
			const { json, error } = await sandbox.run({ resource: 'webhookSubscription', operation: 'get', webhookSubscriptionId });
			expect(error).toBeUndefined();
			expect(json).toEqual([expected]);
		}
	});

	it('lists every subscription in one request, sending no page parameters (the spec documents none)', async () => {
		const { emulator } = sandbox;
		const ids: string[] = [];
		for (let index = 0; index < 3; index++) ids.push(await createSubscriptionDirectly(emulator, `${HOOK_URL}/${index}`));

		for (const parameters of [{ returnAll: true }, {}, { limit: 2 }]) {
			const { result, api } = await requestsDuring(emulator, () =>
				sandbox.run({ resource: 'webhookSubscription', operation: 'getAll', ...parameters }),
			);
			expect(result.error).toBeUndefined();
			expect(result.json.map((item) => item.id)).toEqual('limit' in parameters ? ids.slice(0, 2) : ids);
			expect(api.map(({ method, path, query }) => ({ method, path, query }))).toEqual([
				{ method: 'GET', path: '/api/v1/webhook_subscriptions', query: {} },
			]);
		}
	});

	it('filters the list by exact URL', async () => {
		const { emulator } = sandbox;
		await createSubscriptionDirectly(emulator, `${HOOK_URL}/other`);
		const id = await createSubscriptionDirectly(emulator, HOOK_URL);
		const { result, api } = await requestsDuring(emulator, () =>
			sandbox.run({ resource: 'webhookSubscription', operation: 'getAll', returnAll: true, filters: { url: HOOK_URL } }),
		);
		expect(api[0].query).toEqual({ 'filter[url_eq]': HOOK_URL });
		expect(result.json.map((item) => item.id)).toEqual([id]);
	});

	it('deletes a subscription and says so; a second delete is a 404 naming it', async () => {
		const { emulator } = sandbox;
		const id = await createSubscriptionDirectly(emulator, HOOK_URL);
		const { json, error } = await sandbox.run({
			resource: 'webhookSubscription',
			operation: 'delete',
			webhookSubscriptionId: locator(id),
		});
		expect(error).toBeUndefined();
		expect(json).toEqual([{ deleted: true, id }]);
		expect(await emulator.control.subscriptions()).toEqual([]);

		const again = await sandbox.run({ resource: 'webhookSubscription', operation: 'delete', webhookSubscriptionId: locator(id) });
		expect(again.error?.message).toBe(`Webhook subscription ${id} was not found`);
		expect((again.error as { httpCode?: string }).httpCode).toBe('404');
	});

	it('getting a missing subscription is a 404 naming it', async () => {
		const id = randomUUID();
		const { error } = await sandbox.run({ resource: 'webhookSubscription', operation: 'get', webhookSubscriptionId: locator(id) });
		expect(error?.message).toBe(`Webhook subscription ${id} was not found`);
		expect(error?.description).toContain('Check the ID');
	});
});
