import { randomUUID } from 'node:crypto';

import type { BinaryDataMode } from '../../harness';
import { binarySha256, binaryToBuffer } from '../../harness';
import { createMediaDirectly, createProcessedMedia, locator, useSandbox } from '../sandbox';
import { waitFor } from '../../emulator/testSupport';
import { createClipDirectly, expectRefusedByN8n, getDirectly, requestsDuring, waitUntilRendered } from './fixtures';

const sandbox = useSandbox();

describe('clip: create', () => {
	it('sends exactly name, media_id and the times, and returns the clip simplified with media_id', async () => {
		const { emulator } = sandbox;
		const mediaId = await createProcessedMedia(emulator);
		const { result, api } = await requestsDuring(emulator, () =>
			sandbox.run({
				resource: 'clip',
				operation: 'create',
				mediaId: locator(mediaId),
				name: 'Splashdown',
				startTime: 12.5,
				endTime: 30,
			}),
		);
		expect(result.error).toBeUndefined();
		expect(api).toHaveLength(1);
		expect(api[0]).toMatchObject({ method: 'POST', path: '/api/v1/clips', status: 200 });
		expect(api[0].headers.authorization).toBe(`Bearer ${emulator.apiKey}`);
		expect(api[0].body).toEqual({
			data: { attributes: { name: 'Splashdown', media_id: mediaId, start_time: 12.5, end_time: 30 } },
		});
		expect(result.json).toHaveLength(1);
		expect(result.json[0]).toMatchObject({
			id: expect.any(String),
			name: 'Splashdown',
			media_id: mediaId,
			start_time: 12.5,
			end_time: 30,
			is_processing: true,
			media_file_url: null,
		});
		expect(result.json[0]).not.toHaveProperty('relationships');
	});

	it('waits until rendered when asked, and returns the clip with its file URL', async () => {
		const mediaId = await createProcessedMedia(sandbox.emulator);
		const { json, error } = await sandbox.run({
			resource: 'clip',
			operation: 'create',
			mediaId: locator(mediaId),
			name: 'Rendered',
			startTime: 0,
			endTime: 4,
			waitForProcessing: true,
			waitTimeout: 30,
		});
		expect(error).toBeUndefined();
		expect(json[0]).toMatchObject({
			name: 'Rendered',
			media_id: mediaId,
			is_processing: false,
			media_file_url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/clips\/.+\.mp4\?.*X-Amz-Signature=/),
			media_file_content_type: 'video/mp4',
		});
	});

	it.each([
		[{ startTime: 20, endTime: 10 }, 'Start Time (20) must be before End Time (10)'],
		[{ startTime: 10, endTime: 10 }, 'Start Time (10) must be before End Time (10)'],
		[{ startTime: -1, endTime: 10 }, 'Start Time must be a number of seconds ≥ 0, got "-1"'],
		[{ name: '   ' }, 'Name is empty'],
		[{ name: '={{ "" }}' }, 'Name is empty'],
	])('refuses %j with a message naming the field, before any request', async (parameters, message) => {
		const { result, requests } = await requestsDuring(sandbox.emulator, () =>
			sandbox.run({
				resource: 'clip',
				operation: 'create',
				mediaId: locator(randomUUID()),
				name: 'A clip',
				startTime: 1,
				endTime: 5,
				...parameters,
			}),
		);
		expect(result.error?.message).toBe(message);
		expect(result.error?.description).toEqual(expect.any(String));
		expect(requests).toEqual([]);
	});

	it('leaves an empty Name typed in the editor to n8n, which refuses to run the node', async () => {
		await expectRefusedByN8n(
			sandbox,
			{ resource: 'clip', operation: 'create', mediaId: locator(randomUUID()), name: '', startTime: 1, endTime: 5 },
			'Parameter "Name" is required',
		);
	});

	it('says which media when the API refuses it', async () => {
		const mediaId = randomUUID();
		const { error } = await sandbox.run({
			resource: 'clip',
			operation: 'create',
			mediaId: locator(mediaId),
			name: 'Orphan',
			startTime: 1,
			endTime: 5,
		});
		expect(error?.message).toBe(
			`ContentGroove refused the values sent: No media has the id ${mediaId} (/data/attributes/media_id)`,
		);
		expect((error as { httpCode?: string }).httpCode).toBe('422');
	});
});

describe('clip: get, update, delete', () => {
	it('gets a clip by ID and by URL (web app and API)', async () => {
		const { emulator } = sandbox;
		const mediaId = await createProcessedMedia(emulator);
		const id = await createClipDirectly(emulator, mediaId, { name: 'Findable' });
		await waitUntilRendered(emulator, [id]);
		for (const clipId of [
			locator(id),
			locator(`https://app.contentgroove.com/clips/${id}`, 'url'),
			locator(`${emulator.url}/api/v1/clips/${id}`, 'url'),
		]) {
			const { json, error } = await sandbox.run({ resource: 'clip', operation: 'get', clipId });
			expect(error).toBeUndefined();
			expect(json).toEqual([{ id, media_id: mediaId, ...(await getDirectly(emulator, `/api/v1/clips/${id}`)).attributes }]);
		}
		const raw = await sandbox.run({ resource: 'clip', operation: 'get', clipId: locator(id), simplify: false });
		expect(raw.json[0]).toMatchObject({
			data: { id, type: 'clips', relationships: { media: { data: { id: mediaId, type: 'medias' } } } },
		});
	});

	it('renames a clip, sending only the name', async () => {
		const { emulator } = sandbox;
		const id = await createClipDirectly(emulator, await createProcessedMedia(emulator));
		const { result, api } = await requestsDuring(emulator, () =>
			sandbox.run({ resource: 'clip', operation: 'update', clipId: locator(id), updateFields: { name: 'Renamed' } }),
		);
		expect(result.json).toEqual([expect.objectContaining({ id, name: 'Renamed', start_time: 5, end_time: 12.5 })]);
		expect(api.map(({ method, path, body }) => ({ method, path, body }))).toEqual([
			{ method: 'PUT', path: `/api/v1/clips/${id}`, body: { data: { attributes: { name: 'Renamed' } } } },
		]);
	});

	it('re-cuts a clip: new times, rendered again', async () => {
		const { emulator } = sandbox;
		const id = await createClipDirectly(emulator, await createProcessedMedia(emulator));
		const { result, api } = await requestsDuring(emulator, () =>
			sandbox.run({
				resource: 'clip',
				operation: 'update',
				clipId: locator(id),
				updateFields: { startTime: 20, endTime: 31.25 },
			}),
		);
		expect(result.error).toBeUndefined();
		expect(api[0].body).toEqual({ data: { attributes: { start_time: 20, end_time: 31.25 } } });
		expect(result.json[0]).toMatchObject({ id, start_time: 20, end_time: 31.25, is_processing: true, media_file_url: null });
	});

	it.each([
		[{}, 'Update Fields is empty: nothing to update'],
		[{ startTime: 30, endTime: 20 }, 'Start Time (30) must be before End Time (20)'],
		[{ endTime: -2 }, 'End Time must be a number of seconds ≥ 0, got "-2"'],
		[{ name: '' }, 'Name is empty'],
	])('refuses the update %j before any request', async (updateFields, message) => {
		const { result, requests } = await requestsDuring(sandbox.emulator, () =>
			sandbox.run({ resource: 'clip', operation: 'update', clipId: locator(randomUUID()), updateFields }),
		);
		expect(result.error?.message).toBe(message);
		expect(requests).toEqual([]);
	});

	it('deletes a clip and says so; a second delete is a 404 naming the clip', async () => {
		const { emulator } = sandbox;
		const id = await createClipDirectly(emulator, await createProcessedMedia(emulator));
		const { json, error } = await sandbox.run({ resource: 'clip', operation: 'delete', clipId: locator(id) });
		expect(error).toBeUndefined();
		expect(json).toEqual([{ deleted: true, id }]);
		const again = await sandbox.run({ resource: 'clip', operation: 'delete', clipId: locator(id) });
		expect(again.error?.message).toBe(`Clip ${id} was not found`);
		expect((again.error as { httpCode?: string }).httpCode).toBe('404');
	});

	it.each(['get', 'update', 'download'])('%s of a missing clip is a 404 naming the clip', async (operation) => {
		const id = randomUUID();
		const { error } = await sandbox.run({
			resource: 'clip',
			operation,
			clipId: locator(id),
			updateFields: { name: 'x' },
		});
		expect(error?.message).toBe(`Clip ${id} was not found`);
		expect(error?.description).toContain('Check the ID');
	});
});

describe('clip: download', () => {
	it.each<BinaryDataMode>(['default', 'filesystem'])(
		'puts the rendered file into the binary field (binary data mode %s)',
		async (binaryDataMode) => {
			const { emulator } = sandbox;
			const mediaId = await createProcessedMedia(emulator);
			const id = await createClipDirectly(emulator, mediaId, { name: 'Chimp lands: safe!', start_time: 3, end_time: 9 });
			await waitUntilRendered(emulator, [id]);
			const { result, upload } = await requestsDuring(emulator, () =>
				sandbox.run(
					{ resource: 'clip', operation: 'download', clipId: locator(id), binaryPropertyName: 'video' },
					{ binaryDataMode },
				),
			);
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(1);
			const [item] = result.items;
			const expected = await emulator.control.clipFile(id);
			expect(item.binary?.video).toMatchObject({
				fileName: 'Chimp-lands-safe.mp4',
				mimeType: 'video/mp4',
				fileExtension: 'mp4',
				bytes: expected.size,
			});
			if (binaryDataMode === 'filesystem') expect(item.binary?.video.id).toMatch(/^filesystem-v2:/);
			else expect(item.binary?.video.id).toBeUndefined();
			expect(await binarySha256(item, 'video')).toBe(expected.sha256);
			expect((await binaryToBuffer(item, 'video')).length).toBe(expected.size);
			expect(item.json).toMatchObject({
				id,
				name: 'Chimp lands: safe!',
				media_id: mediaId,
				start_time: 3,
				end_time: 9,
				media_file_url: expect.stringContaining(`/clips/${id}/`),
			});

			// The presigned URL is the only credential the file host gets.
			expect(upload).toHaveLength(1);
			expect(upload[0]).toMatchObject({ method: 'GET', status: 200, path: expect.stringContaining(`/clips/${id}/`) });
			expect(upload[0].headers.authorization).toBeUndefined();
			expect(upload[0].headers['x-api-key']).toBeUndefined();
			expect(upload[0].query.api_key).toBeUndefined();
			expect(JSON.stringify(upload[0])).not.toContain(emulator.apiKey);
		},
	);

	it('names the file after the clip ID when the name has no usable characters', async () => {
		const { emulator } = sandbox;
		const id = await createClipDirectly(emulator, await createProcessedMedia(emulator), { name: '???' });
		await waitUntilRendered(emulator, [id]);
		const { items, error } = await sandbox.run({ resource: 'clip', operation: 'download', clipId: locator(id) });
		expect(error).toBeUndefined();
		expect(items[0].binary?.data.fileName).toBe(`${id}.mp4`);
	});

	it('waits for a clip that is still rendering when "Wait Until Rendered" is on', async () => {
		const { emulator } = sandbox;
		// A clip of a media still being processed renders only once the media is done.
		const mediaId = await createMediaDirectly(emulator);
		const id = await createClipDirectly(emulator, mediaId);
		// Finish it once the node has seen it unrendered, so the test proves the node waited.
		const finishing = waitFor(async () =>
			(await emulator.control.requests()).some((r) => r.method === 'GET' && r.path === `/api/v1/clips/${id}`),
		).then(() => emulator.control.finishProcessing(mediaId));
		const { result, api } = await requestsDuring(emulator, () =>
			sandbox.run({
				resource: 'clip',
				operation: 'download',
				clipId: locator(id),
				waitForProcessing: true,
				waitTimeout: 30,
			}),
		);
		await finishing;
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ id, is_processing: false });
		expect(await binarySha256(result.items[0])).toBe((await emulator.control.clipFile(id)).sha256);
		expect(api.filter((r) => r.path === `/api/v1/clips/${id}`).length).toBeGreaterThanOrEqual(2);
	});
});

describe('clip: download of a clip still rendering', () => {
	const slowSandbox = useSandbox({ clipRenderDelayMs: 10 * 60_000 });

	it('fails clearly, pointing to "Wait Until Rendered", without touching the file host', async () => {
		const slow = slowSandbox;
		const id = await createClipDirectly(slow.emulator, await createProcessedMedia(slow.emulator));
		const { result, upload } = await requestsDuring(slow.emulator, () =>
			slow.run({ resource: 'clip', operation: 'download', clipId: locator(id) }),
		);
		expect(result.error?.message).toBe(`Clip ${id} has no video file yet: it is still being rendered`);
		expect(result.error?.description).toContain('Wait Until Rendered');
		expect(upload).toEqual([]);
	});

	it('with "Wait Until Rendered" on, gives up after the timeout with a message naming the clip', async () => {
		const slow = slowSandbox;
		const id = await createClipDirectly(slow.emulator, await createProcessedMedia(slow.emulator));
		const { error } = await slow.run({
			resource: 'clip',
			operation: 'download',
			clipId: locator(id),
			waitForProcessing: true,
			waitTimeout: 1,
		});
		expect(error?.message).toBe(`Clip ${id} was still processing after 1 seconds`);
	});
});
