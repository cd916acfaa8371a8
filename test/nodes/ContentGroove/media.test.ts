import { createMediaDirectly, createProcessedMedia, apiRequests, locator, startSandbox, useSandbox } from '../sandbox';

const sandbox = useSandbox();

describe('media: create from URL', () => {
	it('creates a processing media and returns it simplified', async () => {
		const { json, error } = await sandbox.run({
			resource: 'media',
			operation: 'create',
			sourceUrl: 'https://archive.org/download/SF143/SF143_512kb.mp4',
			additionalFields: { name: 'Chimp Into Space', description: 'Enos' },
		});
		expect(error).toBeUndefined();
		expect(json).toHaveLength(1);
		expect(json[0]).toMatchObject({
			name: 'Chimp Into Space',
			description: 'Enos',
			source_url: 'https://archive.org/download/SF143/SF143_512kb.mp4',
			is_processing: true,
			clip_ids: [],
		});
		const posts = (await apiRequests(sandbox.emulator)).filter((r) => r.method === 'POST');
		expect(posts).toHaveLength(1);
		expect(posts[0].headers.authorization).toBe(`Bearer ${sandbox.emulator.apiKey}`);
		expect(posts[0].body).toEqual({
			data: {
				attributes: {
					source_url: 'https://archive.org/download/SF143/SF143_512kb.mp4',
					name: 'Chimp Into Space',
					description: 'Enos',
				},
			},
		});
	});

	it('waits until processed when asked, and returns the clips', async () => {
		const waiting = await startSandbox({ processingDelayMs: 300 });
		try {
			const { json, error } = await waiting.run({
				resource: 'media',
				operation: 'create',
				sourceUrl: 'https://example.com/talk.mp4',
				waitForProcessing: true,
				waitTimeout: 30,
			});
			expect(error).toBeUndefined();
			expect(json[0]).toMatchObject({ is_processing: false, has_fetch_error: false });
			expect((json[0].clip_ids as string[]).length).toBe(3);
			expect(json[0].transcription_id).toEqual(expect.any(String));
		} finally {
			await waiting.close();
		}
	});

	it('refuses a source URL that is not http(s) before any request', async () => {
		const { error } = await sandbox.run({ resource: 'media', operation: 'create', sourceUrl: 'ftp://example.com/a.mp4' });
		expect(error?.message).toContain('Source URL');
		expect(error?.description).toContain('https://');
		expect(await apiRequests(sandbox.emulator)).toEqual([]);
	});

	it('refuses a wait timeout that is not a positive number before creating anything', async () => {
		const { error } = await sandbox.run({
			resource: 'media',
			operation: 'create',
			sourceUrl: 'https://example.com/a.mp4',
			waitForProcessing: true,
			waitTimeout: '={{ 0 }}',
		});
		expect(error?.message).toBe('Timeout (Seconds) must be a positive number, got "0"');
		expect(await apiRequests(sandbox.emulator)).toEqual([]);
	});

	it('returns the API document when Simplify is off', async () => {
		const { json } = await sandbox.run({
			resource: 'media',
			operation: 'create',
			sourceUrl: 'https://example.com/a.mp4',
			simplify: false,
		});
		expect(json[0]).toMatchObject({ data: { type: 'medias', attributes: { source_url: 'https://example.com/a.mp4' } } });
	});
});

describe('media: get, update, delete', () => {
	it('gets a media by ID, by URL and by list value', async () => {
		const id = await createProcessedMedia(sandbox.emulator);
		for (const mediaId of [
			locator(id),
			locator(`https://app.contentgroove.com/medias/${id}`, 'url'),
			locator(`${sandbox.emulator.url}/api/v1/medias/${id}`, 'url'),
			locator(id, 'list'),
		]) {
			const { json, error } = await sandbox.run({ resource: 'media', operation: 'get', mediaId });
			expect(error).toBeUndefined();
			expect(json[0]).toMatchObject({ id, is_processing: false });
		}
	});

	it('refuses an ID that is not a ContentGroove ID before any request', async () => {
		// Typed in the editor, n8n's own check of the locator's pattern refuses it...
		await expect(sandbox.run({ resource: 'media', operation: 'get', mediaId: locator('../clips') })).rejects.toThrow(
			'Not a ContentGroove ID (a UUID)',
		);
		// ...and when an expression produces it, the node does.
		const { error } = await sandbox.run({
			resource: 'media',
			operation: 'get',
			mediaId: locator('={{ "../clips" }}'),
		});
		expect(error?.message).toBe('Media "../clips" is not a ContentGroove ID');
		expect(error?.description).toContain('e.g. 9b9a2e82');
		expect(await apiRequests(sandbox.emulator)).toEqual([]);
	});

	it('updates name and description, and refuses an empty update', async () => {
		const id = await createMediaDirectly(sandbox.emulator);
		const { json } = await sandbox.run({
			resource: 'media',
			operation: 'update',
			mediaId: locator(id),
			updateFields: { name: 'Renamed', description: 'New words' },
		});
		expect(json[0]).toMatchObject({ id, name: 'Renamed', description: 'New words' });

		await sandbox.emulator.control.reset();
		const empty = await sandbox.run({ resource: 'media', operation: 'update', mediaId: locator(id), updateFields: {} });
		expect(empty.error?.message).toContain('Update Fields is empty');
		expect(await apiRequests(sandbox.emulator)).toEqual([]);
	});

	it('deletes a media and says so; a second delete is a clear 404', async () => {
		const id = await createMediaDirectly(sandbox.emulator);
		const { json } = await sandbox.run({ resource: 'media', operation: 'delete', mediaId: locator(id) });
		expect(json).toEqual([{ deleted: true, id }]);
		const again = await sandbox.run({ resource: 'media', operation: 'delete', mediaId: locator(id) });
		expect(again.error?.message).toBe(`Media ${id} was not found`);
		expect((again.error as { httpCode?: string }).httpCode).toBe('404');
	});
});

describe('media: wait until processed', () => {
	it('polls until processing finishes', async () => {
		const id = await createMediaDirectly(sandbox.emulator);
		setTimeout(() => void sandbox.emulator.control.finishProcessing(id), 1500);
		const { json, error } = await sandbox.run({
			resource: 'media',
			operation: 'waitUntilProcessed',
			mediaId: locator(id),
			timeout: 30,
		});
		expect(error).toBeUndefined();
		expect(json[0]).toMatchObject({ id, is_processing: false });
		const polls = (await apiRequests(sandbox.emulator)).filter((r) => r.method === 'GET');
		expect(polls.length).toBeGreaterThanOrEqual(2);
	});

	it('fails with an error naming the media when the timeout passes', async () => {
		const id = await createMediaDirectly(sandbox.emulator);
		const { error } = await sandbox.run({
			resource: 'media',
			operation: 'waitUntilProcessed',
			mediaId: locator(id),
			timeout: 2,
		});
		expect(error?.message).toBe(`Media ${id} was still processing after 2 seconds`);
		expect(error?.description).toContain('ContentGroove Trigger');
	});

	it('fails clearly when ContentGroove could not fetch the source', async () => {
		const id = await createProcessedMedia(sandbox.emulator, { source_url: 'https://videos.invalid/missing.mp4' });
		const { error } = await sandbox.run({ resource: 'media', operation: 'waitUntilProcessed', mediaId: locator(id), timeout: 5 });
		expect(error?.message).toBe(`ContentGroove could not fetch the source of media ${id}`);
	});
});
