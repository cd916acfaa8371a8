import { startEmulator, type Emulator } from './index';
import { api, attributes, createMedia, prepareUpload, startReceiver, waitFor } from './testSupport';

describe('emulator OpenAPI violations', () => {
	let emulator: Emulator;
	beforeAll(async () => {
		emulator = await startEmulator({ processingDelayMs: 20, clipRenderDelayMs: 20 });
	});
	afterAll(() => emulator.close());
	beforeEach(() => emulator.control.reset());

	it('records none for a normal session over every operation', async () => {
		const receiver = await startReceiver();
		try {
			const subscription = await api(emulator, 'POST', '/api/v1/webhook_subscriptions', { body: attributes({ url: receiver.url, subscribed_events: ['media.processing_finished'] }) });
			await api(emulator, 'GET', '/api/v1/webhook_subscriptions?filter[url_cont]=127.0.0.1&sort=-created_at');
			await api(emulator, 'GET', `/api/v1/webhook_subscriptions/${subscription.body.data.id}`);
			const { uploadId, uploadUrl } = await prepareUpload(emulator);
			await fetch(uploadUrl, { method: 'PUT', body: Buffer.alloc(1000), headers: { 'Content-Type': 'video/mp4' } });
			const media = await createMedia(emulator, { upload_id: uploadId, name: 'Upload', description: 'd' });
			await createMedia(emulator);
			await waitFor(async () => receiver.received.length === 2);
			await api(emulator, 'GET', '/api/v1/medias?filter[name_eq]=Upload&page[number]=1&page[size]=5&sort=name');
			await api(emulator, 'GET', `/api/v1/medias/${media.id}?api_key=${emulator.apiKey}`);
			await api(emulator, 'PUT', `/api/v1/medias/${media.id}`, { body: attributes({ name: 'Renamed' }) });
			const clip = await api(emulator, 'POST', '/api/v1/clips', { body: attributes({ name: 'Clip', media_id: media.id, start_time: 1, end_time: 2.5 }) });
			await api(emulator, 'GET', `/api/v1/clips?filter[media_id_eq]=${media.id}&page[size]=2`);
			await api(emulator, 'PUT', `/api/v1/clips/${clip.body.data.id}`, { body: attributes({ end_time: 3 }) });
			await api(emulator, 'GET', `/api/v1/clips/${clip.body.data.id}`);
			await api(emulator, 'GET', '/api/v1/clips/missing');
			await api(emulator, 'GET', '/api/v1/medias', { auth: false });
			await api(emulator, 'DELETE', `/api/v1/clips/${clip.body.data.id}`);
			await api(emulator, 'DELETE', `/api/v1/medias/${media.id}`);
			await api(emulator, 'DELETE', `/api/v1/webhook_subscriptions/${subscription.body.data.id}`);
			expect(await emulator.control.violations()).toEqual([]);
		} finally {
			await receiver.close();
		}
	});

	it('records a violation for an undocumented attribute, query parameter or path', async () => {
		const response = await api(emulator, 'POST', '/api/v1/medias', {
			body: attributes({ source_url: 'https://example.com/a.mp4', sourceUrl: 'https://example.com/a.mp4' }),
		});
		expect(response.status).toBe(200); // ignored like Rails strong parameters, but reported
		await api(emulator, 'GET', '/api/v1/medias?per_page=5');
		await api(emulator, 'GET', '/api/v1/webhook_subscriptions?page[number]=2');
		await api(emulator, 'GET', '/api/v1/medias?sort=-name,created_at');
		await api(emulator, 'GET', '/api/v2/medias');
		const messages = (await emulator.control.violations()).map((v) => `${v.kind}: ${v.message}`);
		expect(messages).toEqual([
			'request: POST /api/v1/medias: body/data/attributes must NOT have additional properties (sourceUrl)',
			'request: GET /api/v1/medias: query parameter per_page is not documented for this operation',
			'request: GET /api/v1/webhook_subscriptions: query parameter page[number] is not documented for this operation',
			'request: GET /api/v1/medias: sort=-name,created_at is not one of created_at, -created_at, original_created_at, -original_created_at, name, -name',
			'request: GET /api/v2/medias is not a documented operation',
		]);
	});

	it('records a violation for a clip body missing a required attribute', async () => {
		await api(emulator, 'POST', '/api/v1/clips', { body: attributes({ name: 'x', start_time: 1, end_time: 2 }) });
		const [violation] = await emulator.control.violations();
		expect(violation).toMatchObject({ kind: 'request', method: 'POST', path: '/api/v1/clips' });
		expect(violation.message).toContain("must have required property 'media_id'");
	});
});
