import { createHash } from 'node:crypto';
import { startEmulator, type Emulator } from './index';
import { api, attributes, createMedia, rawRequest, waitFor } from './testSupport';

describe('emulator clips', () => {
	let emulator: Emulator;
	let media: any;
	let duration: number;
	beforeAll(async () => {
		emulator = await startEmulator({ processingDelayMs: Infinity, clipRenderDelayMs: 30, suggestedClipsPerMedia: 1 });
	});
	afterAll(() => emulator.close());
	beforeEach(async () => {
		await emulator.control.reset();
		media = await createMedia(emulator);
		await emulator.control.finishProcessing(media.id);
		duration = (await api(emulator, 'GET', `/api/v1/medias/${media.id}`)).body.data.attributes.source_file_duration;
	});

	async function renderedClip(id: string): Promise<any> {
		return waitFor(async () => {
			const { body } = await api(emulator, 'GET', `/api/v1/clips/${id}`);
			return body.data.attributes.is_processing === false && body.data;
		});
	}

	it('creates a user clip that renders after clipRenderDelayMs', async () => {
		const response = await api(emulator, 'POST', '/api/v1/clips', { body: attributes({ name: 'Mine', media_id: media.id, start_time: 1.5, end_time: 4 }) });
		expect(response.status).toBe(200);
		expect(response.body.links.self).toBe(`${emulator.url}/api/v1/clips`);
		expect(response.body.data).toMatchObject({
			type: 'clips',
			attributes: { name: 'Mine', start_time: 1.5, end_time: 4, is_processing: true, rank: null, media_file_url: null },
			relationships: { media: { data: { id: media.id, type: 'medias' } } },
		});
		const clip = await renderedClip(response.body.data.id);
		expect(clip.attributes).toMatchObject({ media_file_content_type: 'video/mp4', media_file_duration: 2.5, media_file_width: 1280, media_file_height: 720 });
		const shown = await api(emulator, 'GET', `/api/v1/medias/${media.id}`);
		expect(shown.body.data.relationships.clips.data).toContainEqual({ id: clip.id, type: 'clips' });
	});

	it('serves the rendered file at the signed URL, matching the control API size and sha256', async () => {
		const created = await api(emulator, 'POST', '/api/v1/clips', { body: attributes({ name: 'Mine', media_id: media.id, start_time: 0, end_time: 3 }) });
		const clip = await renderedClip(created.body.data.id);
		const download = await fetch(clip.attributes.media_file_url);
		expect(download.status).toBe(200);
		expect(download.headers.get('content-type')).toBe('video/mp4');
		const bytes = Buffer.from(await download.arrayBuffer());
		expect(Number(download.headers.get('content-length'))).toBe(bytes.length);
		const info = await emulator.control.clipFile(clip.id);
		expect(info).toEqual({ clipId: clip.id, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), contentType: 'video/mp4' });
		expect(bytes.length).toBe(3 * 32 * 1024);
		expect(bytes.subarray(4, 8).toString()).toBe('ftyp');
	});

	it('refuses clip downloads carrying API credentials or a bad signature', async () => {
		const created = await api(emulator, 'POST', '/api/v1/clips', { body: attributes({ name: 'Mine', media_id: media.id, start_time: 0, end_time: 1 }) });
		const { attributes: clip } = await renderedClip(created.body.data.id);
		const withAuth = await rawRequest(clip.media_file_url, { method: 'GET', headers: { Authorization: `Bearer ${emulator.apiKey}` } });
		expect(withAuth.status).toBe(400);
		expect(withAuth.body).toContain('Only one auth mechanism allowed');
		expect((await rawRequest(`${clip.media_file_url}&api_key=${emulator.apiKey}`, { method: 'GET' })).status).toBe(400);
		expect((await rawRequest(clip.media_file_url.replace(/X-Amz-Date=\d/, 'X-Amz-Date=1'), { method: 'GET' })).status).toBe(403);
	});

	it('cuts a download short when a resetAfterBytes fault is injected', async () => {
		const created = await api(emulator, 'POST', '/api/v1/clips', { body: attributes({ name: 'Mine', media_id: media.id, start_time: 0, end_time: 10 }) });
		const clip = await renderedClip(created.body.data.id);
		await emulator.control.injectFault({ host: 'upload', method: 'GET', path: '^/clips/', resetAfterBytes: 100_000 });
		await expect(fetch(clip.attributes.media_file_url).then((response) => response.arrayBuffer())).rejects.toThrow();
		expect((await fetch(clip.attributes.media_file_url)).status).toBe(200);
	});

	it.each([
		['an unknown media_id', () => ({ media_id: 'nope', start_time: 1, end_time: 2 }), '/data/attributes/media_id'],
		['a negative start_time', () => ({ start_time: -1, end_time: 2 }), '/data/attributes/start_time'],
		['start_time >= end_time', () => ({ start_time: 5, end_time: 5 }), '/data/attributes/end_time'],
		['end_time beyond the media', (d: number) => ({ start_time: 1, end_time: d + 1 }), '/data/attributes/end_time'],
		['a missing name', () => ({ name: undefined, start_time: 1, end_time: 2 }), '/data/attributes/name'],
		['a string start_time', () => ({ start_time: '1', end_time: 2 }), '/data/attributes/start_time'],
	])('refuses %s with 422 and a pointer', async (_name, values, pointer) => {
		const body = attributes({ name: 'Clip', media_id: media.id, ...values(duration) });
		const response = await api(emulator, 'POST', '/api/v1/clips', { body });
		expect(response.status).toBe(422);
		expect(response.body.errors[0].source).toEqual({ pointer });
	});

	it('re-renders a clip whose times change, and renames without re-rendering', async () => {
		const created = await api(emulator, 'POST', '/api/v1/clips', { body: attributes({ name: 'Mine', media_id: media.id, start_time: 0, end_time: 2 }) });
		const first = await renderedClip(created.body.data.id);
		const renamed = await api(emulator, 'PUT', `/api/v1/clips/${first.id}`, { body: attributes({ name: 'Renamed' }) });
		expect(renamed.body.data.attributes).toMatchObject({ name: 'Renamed', is_processing: false });
		const moved = await api(emulator, 'PUT', `/api/v1/clips/${first.id}`, { body: attributes({ start_time: 1, end_time: 5 }) });
		expect(moved.status).toBe(200);
		expect(moved.body.data.attributes).toMatchObject({ start_time: 1, end_time: 5, is_processing: true, media_file_url: null });
		const second = await renderedClip(first.id);
		expect(second.attributes.media_file_duration).toBe(4);
		expect((await fetch(first.attributes.media_file_url)).status).toBe(404);
		const bad = await api(emulator, 'PUT', `/api/v1/clips/${first.id}`, { body: attributes({ end_time: 0.5 }) });
		expect(bad.status).toBe(422);
	});

	it('deletes a clip (204) and 404s afterwards', async () => {
		const created = await api(emulator, 'POST', '/api/v1/clips', { body: attributes({ name: 'Mine', media_id: media.id, start_time: 0, end_time: 2 }) });
		expect((await api(emulator, 'DELETE', `/api/v1/clips/${created.body.data.id}`)).status).toBe(204);
		const missing = await api(emulator, 'GET', `/api/v1/clips/${created.body.data.id}`);
		expect(missing.status).toBe(404);
		expect(missing.body.errors[0]).toEqual({ detail: null, source: null, status: '404', title: 'Not Found' });
	});
});
