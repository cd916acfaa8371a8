import { validateCallback } from '../openapi/validate';
import { startEmulator, type Emulator } from './index';
import { api, attributes, createMedia, startReceiver, waitFor } from './testSupport';

describe('emulator webhook subscriptions', () => {
	let emulator: Emulator;
	beforeAll(async () => {
		emulator = await startEmulator({ processingDelayMs: Infinity });
	});
	afterAll(() => emulator.close());
	beforeEach(() => emulator.control.reset());

	it('creates (default events ["*"]), shows, lists and deletes subscriptions', async () => {
		const created = await api(emulator, 'POST', '/api/v1/webhook_subscriptions', { body: attributes({ url: 'https://example.com/hooks?token=1' }) });
		expect(created.status).toBe(200);
		expect(created.body.links.self).toBe(`${emulator.url}/api/v1/webhook_subscriptions`);
		const { data } = created.body;
		expect(data).toMatchObject({
			type: 'webhook_subscriptions',
			attributes: { active: true, subscribed_events: ['*'], url: 'https://example.com/hooks?token=1' },
			relationships: { user: { data: { id: expect.any(String), type: 'users' } }, webhook_events: { data: [] } },
		});
		const shown = await api(emulator, 'GET', `/api/v1/webhook_subscriptions/${data.id}`);
		expect(shown.body.data).toEqual(data);
		const listed = await api(emulator, 'GET', '/api/v1/webhook_subscriptions');
		expect(listed.body.data).toEqual([data]);
		expect(listed.body.links).toEqual({ self: `${emulator.url}/api/v1/webhook_subscriptions`, current: `${emulator.url}/api/v1/webhook_subscriptions?page[number]=1` });
		expect((await api(emulator, 'DELETE', `/api/v1/webhook_subscriptions/${data.id}`)).status).toBe(204);
		expect((await api(emulator, 'GET', `/api/v1/webhook_subscriptions/${data.id}`)).status).toBe(404);
		expect((await api(emulator, 'DELETE', `/api/v1/webhook_subscriptions/${data.id}`)).status).toBe(404);
	});

	it('returns every subscription in one list, whatever their number', async () => {
		for (let i = 0; i < 35; i++) await api(emulator, 'POST', '/api/v1/webhook_subscriptions', { body: attributes({ url: `https://example.com/${i}` }) });
		const listed = await api(emulator, 'GET', '/api/v1/webhook_subscriptions');
		expect(listed.body.data).toHaveLength(35);
		expect(listed.body.links.next).toBeUndefined();
	});

	it.each([
		['a missing url', {}],
		['a non-http url', { url: 'ftp://example.com/x' }],
		['a url that is no URL', { url: 'not a url' }],
		['subscribed_events that are not strings', { url: 'https://example.com', subscribed_events: [1] }],
	])('refuses %s with 422', async (_name, values) => {
		const response = await api(emulator, 'POST', '/api/v1/webhook_subscriptions', { body: attributes(values) });
		expect(response.status).toBe(422);
		expect(response.body.errors[0].source.pointer).toMatch(/^\/data\/attributes\//);
	});
});

describe('emulator webhook delivery', () => {
	let emulator: Emulator;
	beforeAll(async () => {
		emulator = await startEmulator({ processingDelayMs: Infinity, suggestedClipsPerMedia: 2, webhookRetry: { attempts: 4, baseDelayMs: 20 } });
	});
	afterAll(() => emulator.close());
	beforeEach(() => emulator.control.reset());

	async function subscribe(url: string, events?: string[]): Promise<string> {
		const response = await api(emulator, 'POST', '/api/v1/webhook_subscriptions', { body: attributes({ url, ...(events && { subscribed_events: events }) }) });
		return response.body.data.id;
	}

	it('posts media.processing_finished to the URL as registered, retrying until it succeeds', async () => {
		const receiver = await startReceiver([500, 503]);
		try {
			const subscriptionId = await subscribe(`${receiver.url}/hook?secret=s3cr%C3%A9t`);
			await subscribe(`${receiver.url}/other`, ['media.deleted']);
			const media = await createMedia(emulator);
			await emulator.control.finishProcessing(media.id);
			const attempts = await waitFor(async () => {
				const log = await emulator.control.deliveries();
				return log.length === 3 && log;
			});
			expect(attempts.map((a) => [a.attempt, a.status])).toEqual([[1, 500], [2, 503], [3, 200]]);
			expect(attempts.every((a) => a.subscriptionId === subscriptionId && a.url === `${receiver.url}/hook?secret=s3cr%C3%A9t`)).toBe(true);
			expect(new Set(attempts.map((a) => a.deliveryId)).size).toBe(1);
			expect(receiver.received.map((r) => r.path)).toEqual(Array(3).fill('/hook?secret=s3cr%C3%A9t'));
			expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);
			expect(receiver.received[0].headers['content-type']).toBe('application/json');

			const body = JSON.parse(receiver.received[0].body);
			expect(validateCallback(body)).toEqual([]);
			expect(body.event).toBe('media.processing_finished');
			expect(body.payload.data).toMatchObject({ id: media.id, type: 'medias', attributes: { is_processing: false } });
			const types = body.payload.included.map((resource: any) => resource.type);
			expect(types).toEqual(['clips', 'clips', 'transcriptions']);
			const transcription = body.payload.included[2];
			expect(transcription).toEqual({ id: body.payload.data.relationships.transcription.data.id, type: 'transcriptions', attributes: { text: expect.any(String) }, relationships: {} });
			expect(body.payload.data.relationships.clips.data.map((c: any) => c.id)).toEqual(body.payload.included.slice(0, 2).map((c: any) => c.id));
			expect(await emulator.control.violations()).toEqual([]);
		} finally {
			await receiver.close();
		}
	});

	it('gives up after webhookRetry.attempts and records connection errors', async () => {
		const receiver = await startReceiver();
		await receiver.close();
		await subscribe(`${receiver.url}/gone`);
		const media = await createMedia(emulator);
		await emulator.control.finishProcessing(media.id);
		const attempts = await waitFor(async () => {
			const log = await emulator.control.deliveries();
			return log.length === 4 && log;
		});
		expect(attempts.map((a) => a.status)).toEqual([null, null, null, null]);
		expect(attempts[0].error).toBeTruthy();
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(await emulator.control.deliveries()).toHaveLength(4);
	});

	it('stops retrying once the subscription is deleted', async () => {
		// The first answer comes only after the subscription is gone.
		const receiver = await startReceiver([500, 500, 500], 100);
		try {
			const subscriptionId = await subscribe(receiver.url);
			const media = await createMedia(emulator);
			await emulator.control.finishProcessing(media.id);
			await waitFor(async () => receiver.received.length === 1);
			await api(emulator, 'DELETE', `/api/v1/webhook_subscriptions/${subscriptionId}`);
			await waitFor(async () => (await emulator.control.deliveries()).length === 1);
			await new Promise((resolve) => setTimeout(resolve, 100));
			expect(receiver.received).toHaveLength(1);
		} finally {
			await receiver.close();
		}
	});

	it('redelivers the identical body on demand', async () => {
		const receiver = await startReceiver();
		try {
			await subscribe(receiver.url);
			const media = await createMedia(emulator);
			await emulator.control.finishProcessing(media.id);
			const [first] = await waitFor(async () => {
				const log = await emulator.control.deliveries();
				return log.length === 1 && log;
			});
			await emulator.control.redeliver(first.deliveryId);
			await waitFor(async () => receiver.received.length === 2);
			expect(receiver.received[1].body).toBe(receiver.received[0].body);
			const log = await emulator.control.deliveries();
			expect(log[1]).toMatchObject({ deliveryId: first.deliveryId, redelivery: true, status: 200 });
			await expect(emulator.control.redeliver('nope')).rejects.toThrow(/404/);
		} finally {
			await receiver.close();
		}
	});

	it('sends the event for a fetch error too, with no included resources', async () => {
		const receiver = await startReceiver();
		try {
			await subscribe(receiver.url);
			const media = await createMedia(emulator, { source_url: 'https://nowhere.invalid/video.mp4' });
			await emulator.control.finishProcessing(media.id);
			await waitFor(async () => receiver.received.length === 1);
			const body = JSON.parse(receiver.received[0].body);
			expect(body.payload.data.attributes.has_fetch_error).toBe(true);
			expect(body.payload.included).toEqual([]);
			expect(validateCallback(body)).toEqual([]);
		} finally {
			await receiver.close();
		}
	});
});
