import { startEmulator, type Emulator } from './index';
import { api, attributes, createMedia, prepareUpload, waitFor } from './testSupport';

const SOURCE_URL = 'https://archive.org/download/SF143/SF143_512kb.mp4';

describe('emulator medias', () => {
	let emulator: Emulator;
	beforeAll(async () => {
		emulator = await startEmulator({ processingDelayMs: Infinity, suggestedClipsPerMedia: 2 });
	});
	afterAll(() => emulator.close());
	beforeEach(() => emulator.control.reset());

	it('creates a media from a source URL (200, processing, name from the URL)', async () => {
		const response = await api(emulator, 'POST', '/api/v1/medias', { body: attributes({ source_url: SOURCE_URL, description: 'Enos' }) });
		expect(response.status).toBe(200);
		const { data, links } = response.body;
		expect(links.self).toBe(`${emulator.url}/api/v1/medias`);
		expect(data).toMatchObject({
			type: 'medias',
			attributes: { name: 'SF143_512kb.mp4', description: 'Enos', source_url: SOURCE_URL, is_processing: true, has_fetch_error: false, source_file_duration: null },
			relationships: { clips: { data: [] }, transcription: { data: null } },
		});
		expect(Date.parse(data.attributes.processing_started_at)).not.toBeNaN();
	});

	it('creates a media from a completed upload, keeping the given name', async () => {
		const { uploadId, uploadUrl } = await prepareUpload(emulator);
		await fetch(uploadUrl, { method: 'PUT', body: Buffer.from('video'), headers: { 'Content-Type': 'video/quicktime' } });
		const media = await createMedia(emulator, { upload_id: uploadId, name: 'My upload' });
		expect(media.attributes).toMatchObject({ name: 'My upload', source_url: null });
		await emulator.control.finishProcessing(media.id);
		const shown = await api(emulator, 'GET', `/api/v1/medias/${media.id}`);
		expect(shown.body.data.attributes.source_file_content_type).toBe('video/quicktime');
		const again = await api(emulator, 'POST', '/api/v1/medias', { body: attributes({ upload_id: uploadId }) });
		expect(again.status).toBe(422);
	});

	it.each([
		['neither source_url nor upload_id', { name: 'x' }, '/data/attributes/source_url'],
		['both source_url and upload_id', { source_url: SOURCE_URL, upload_id: 'abc' }, '/data/attributes/upload_id'],
		['an unknown upload_id', { upload_id: 'nope' }, '/data/attributes/upload_id'],
		['a source_url that is not http(s)', { source_url: 'ftp://example.com/a.mp4' }, '/data/attributes/source_url'],
		['a name that is not a string', { source_url: SOURCE_URL, name: 5 }, '/data/attributes/name'],
	])('refuses %s with 422 and a pointer', async (_name, values, pointer) => {
		const response = await api(emulator, 'POST', '/api/v1/medias', { body: attributes(values) });
		expect(response.status).toBe(422);
		expect(response.body.errors[0]).toMatchObject({ status: '422', title: 'Unprocessable Entity', source: { pointer } });
	});

	it('refuses an upload_id whose file was never uploaded', async () => {
		const { uploadId } = await prepareUpload(emulator);
		const response = await api(emulator, 'POST', '/api/v1/medias', { body: attributes({ upload_id: uploadId }) });
		expect(response.status).toBe(422);
		expect(response.body.errors[0].detail).toMatch(/not been \(completely\) uploaded/);
	});

	it('answers 400 to a body that is not JSON or has no JSON Content-Type', async () => {
		expect((await api(emulator, 'POST', '/api/v1/medias', { body: '{"data":' })).status).toBe(400);
		const response = await api(emulator, 'POST', '/api/v1/medias', { body: JSON.stringify(attributes({ source_url: SOURCE_URL })), headers: { 'Content-Type': 'text/plain' } });
		expect(response.status).toBe(400);
		expect(response.body.errors[0].status).toBe('400');
	});

	it('finishes processing: source file, transcription, suggested clips', async () => {
		const media = await createMedia(emulator);
		await emulator.control.finishProcessing(media.id);
		const { body } = await api(emulator, 'GET', `/api/v1/medias/${media.id}`);
		expect(body.links.self).toBe(`${emulator.url}/api/v1/medias/${media.id}`);
		expect(body.data.attributes).toMatchObject({ is_processing: false, has_fetch_error: false, source_file_content_type: 'video/mp4', source_file_width: 1280, source_file_height: 720 });
		expect(body.data.attributes.source_file_duration).toBeGreaterThan(0);
		expect(body.data.relationships.clips.data).toHaveLength(2);
		expect(body.data.relationships.transcription.data).toEqual({ id: expect.any(String), type: 'transcriptions' });
		const clips = await api(emulator, 'GET', `/api/v1/clips?filter[media_id_eq]=${media.id}&sort=created_at`);
		expect(clips.body.data.map((clip: any) => clip.attributes.rank)).toEqual([0, 1]);
		for (const clip of clips.body.data) {
			expect(clip.attributes).toMatchObject({ is_processing: false, media_file_content_type: 'video/mp4' });
			expect(clip.attributes.media_file_url).toMatch(new RegExp(`^${emulator.uploadUrl}/clips/`));
			expect(clip.attributes.text.length).toBeGreaterThan(0);
			expect(clip.attributes.end_char).toBeGreaterThan(clip.attributes.start_char);
		}
	});

	it('processes by itself after processingDelayMs', async () => {
		const quick = await startEmulator({ processingDelayMs: 30 });
		try {
			const media = await createMedia(quick);
			await waitFor(async () => (await api(quick, 'GET', `/api/v1/medias/${media.id}`)).body.data.attributes.is_processing === false);
		} finally {
			await quick.close();
		}
	});

	it('marks a source URL on a .invalid host as a fetch error, without clips or transcription', async () => {
		const media = await createMedia(emulator, { source_url: 'https://videos.invalid/a.mp4' });
		await emulator.control.finishProcessing(media.id);
		const { body } = await api(emulator, 'GET', `/api/v1/medias/${media.id}`);
		expect(body.data.attributes).toMatchObject({ is_processing: false, has_fetch_error: true, source_file_duration: null });
		expect(body.data.relationships).toEqual({ clips: { data: [] }, transcription: { data: null } });
	});

	it('updates name and description', async () => {
		const media = await createMedia(emulator);
		const response = await api(emulator, 'PUT', `/api/v1/medias/${media.id}`, { body: attributes({ name: 'Renamed', description: 'New' }) });
		expect(response.status).toBe(200);
		expect(response.body.data.attributes).toMatchObject({ name: 'Renamed', description: 'New', source_url: SOURCE_URL });
	});

	it('deletes a media with its clips (204), then 404s with the spec body', async () => {
		const media = await createMedia(emulator);
		await emulator.control.finishProcessing(media.id);
		const response = await api(emulator, 'DELETE', `/api/v1/medias/${media.id}`);
		expect(response.status).toBe(204);
		expect(response.body).toBeUndefined();
		expect((await api(emulator, 'GET', '/api/v1/clips')).body.data).toEqual([]);
		for (const method of ['GET', 'DELETE']) {
			const missing = await api(emulator, method, `/api/v1/medias/${media.id}`);
			expect(missing.status).toBe(404);
			expect(missing.body).toEqual({ errors: [{ detail: null, source: null, status: '404', title: 'Not Found' }] });
		}
		expect((await api(emulator, 'PUT', `/api/v1/medias/${media.id}`, { body: attributes({ name: 'x' }) })).status).toBe(404);
	});
});
