import { assertNoSecret } from '../../harness';
import { apiRequests, createMediaDirectly, locator, useSandbox } from '../sandbox';

const sandbox = useSandbox();

const getMedia = (id: string) => ({ resource: 'media', operation: 'get', mediaId: locator(id) });
const createMedia = { resource: 'media', operation: 'create', sourceUrl: 'https://example.com/a.mp4' };

/** What the node sent: the API requests after the fixture's own POST. */
async function nodeRequests() {
	return (await apiRequests(sandbox.emulator)).filter((request) => request.method !== 'POST');
}

function httpCode(error: unknown): string | undefined {
	return (error as { httpCode?: string } | undefined)?.httpCode;
}

describe('API errors become NodeApiErrors that say what happened and what to do', () => {
	it('401: a wrong key, without the key in the error', async () => {
		const id = await createMediaDirectly(sandbox.emulator);
		const { error, result } = await sandbox.run(getMedia(id), { apiKey: 'cg_wrong_key_123' });
		expect(error?.message).toBe('ContentGroove rejected the API key: You need to sign in or sign up before continuing.');
		expect(error?.description).toContain('API key');
		expect(httpCode(error)).toBe('401');
		assertNoSecret({ error: { message: error?.message, description: error?.description }, run: result.runData }, 'cg_wrong_key_123');
	});

	it('402: quota used up, pointing at the usage page', async () => {
		await sandbox.emulator.control.injectFault({ method: 'POST', path: '^/api/v1/medias$', status: 402, times: 1 });
		const { error } = await sandbox.run(createMedia);
		expect(error?.message).toContain('quota');
		expect(error?.message).toContain('monthly quota');
		expect(error?.description).toContain('https://app.contentgroove.com/quota_usage');
		expect(httpCode(error)).toBe('402');
	});

	it('429: waits as long as Retry-After says, then succeeds', async () => {
		const id = await createMediaDirectly(sandbox.emulator);
		await sandbox.emulator.control.injectFault({ method: 'GET', path: '^/api/v1/medias/', status: 429, retryAfter: 1, times: 2 });
		const { json, error } = await sandbox.run(getMedia(id));
		expect(error).toBeUndefined();
		expect(json[0].id).toBe(id);
		const gets = await nodeRequests();
		expect(gets.map((request) => request.status)).toEqual([429, 429, 200]);
		const at = gets.map((request) => Date.parse(request.at));
		// Retry-After: 1 means no retry earlier than a second later (a lower bound, not a speed limit).
		expect(at[1] - at[0]).toBeGreaterThanOrEqual(950);
		expect(at[2] - at[1]).toBeGreaterThanOrEqual(950);
	});

	it('429 storm: gives up after 5 attempts with a clear message', async () => {
		await sandbox.emulator.control.injectFault({ method: 'POST', path: '^/api/v1/medias$', status: 429, retryAfter: 0, times: 50 });
		const { error } = await sandbox.run(createMedia);
		expect(error?.message).toContain('rate limiting');
		expect(httpCode(error)).toBe('429');
		expect((await apiRequests(sandbox.emulator)).length).toBe(5);
	});

	it('503 on create: retried, because the server did not act, and only one media exists', async () => {
		await sandbox.emulator.control.injectFault({ method: 'POST', path: '^/api/v1/medias$', status: 503, retryAfter: 0, times: 1 });
		const { error } = await sandbox.run(createMedia);
		expect(error).toBeUndefined();
		expect((await apiRequests(sandbox.emulator)).map((request) => request.status)).toEqual([503, 200]);
		expect(await sandbox.emulator.control.medias()).toHaveLength(1);
	});

	it('500 on create: not replayed, since it may have created the media', async () => {
		await sandbox.emulator.control.injectFault({ method: 'POST', path: '^/api/v1/medias$', status: 500, times: 1 });
		const { error } = await sandbox.run(createMedia);
		expect(error?.message).toContain('ContentGroove had a problem on its side');
		expect(error?.description).toContain('try again later');
		expect(await apiRequests(sandbox.emulator)).toHaveLength(1);
	});

	it('500 on a read: retried with back-off', async () => {
		const id = await createMediaDirectly(sandbox.emulator);
		await sandbox.emulator.control.injectFault({ method: 'GET', path: '^/api/v1/medias/', status: 500, times: 1 });
		const { error } = await sandbox.run(getMedia(id));
		expect(error).toBeUndefined();
		expect((await nodeRequests()).map((request) => request.status)).toEqual([500, 200]);
	});

	it('connection reset on create: not replayed, and the error says to check before running again', async () => {
		await sandbox.emulator.control.injectFault({ method: 'POST', path: '^/api/v1/medias$', resetConnection: true, times: 1 });
		const { error } = await sandbox.run(createMedia);
		expect(error?.message).toMatch(/^Could not reach ContentGroove at 127\.0\.0\.1:\d+ \(connection reset\)$/);
		expect(error?.description).toContain('may have acted on it');
		expect(await apiRequests(sandbox.emulator)).toHaveLength(1);
	});

	it('an unreachable Base URL fails at once, naming the host', async () => {
		const { error } = await sandbox.run(getMedia('9b9a2e82-5b47-4f59-831d-4c239824b983'), { baseUrl: 'http://127.0.0.1:1' });
		expect(error?.message).toBe('Could not reach ContentGroove at 127.0.0.1:1 (connection refused)');
		expect(error?.description).toContain('Base URL');
	});

	it('a Base URL that is not a URL is refused before any request', async () => {
		const { error } = await sandbox.run(getMedia('9b9a2e82-5b47-4f59-831d-4c239824b983'), { baseUrl: 'api.contentgroove.com' });
		expect(error?.message).toBe('The credential\'s Base URL "api.contentgroove.com" is not a valid URL');
		expect(await apiRequests(sandbox.emulator)).toEqual([]);
	});
});

describe('continue on fail', () => {
	it('turns one item\'s failure into an error item paired with it, and runs the others', async () => {
		const first = await createMediaDirectly(sandbox.emulator);
		const third = await createMediaDirectly(sandbox.emulator);
		const { items, error } = await sandbox.run(
			{ resource: 'media', operation: 'get', mediaId: locator('={{ $json.id }}') },
			{
				items: [{ id: first }, { id: '4a5e7f7e-0000-4000-8000-000000000000' }, { id: third }],
				onError: 'continueRegularOutput',
			},
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json.id).toBe(first);
		expect(items[1].json).toEqual({
			error: 'Media 4a5e7f7e-0000-4000-8000-000000000000 was not found',
			description: 'Check the ID; the resource may have been deleted.',
		});
		expect(items[2].json.id).toBe(third);
		assertNoSecret(items, sandbox.emulator.apiKey);
	});

	it('stops at the failing item without continue on fail', async () => {
		const { error, items } = await sandbox.run(
			{ resource: 'media', operation: 'get', mediaId: locator('={{ $json.id }}') },
			{ items: [{ id: 'not-an-id' }] },
		);
		expect(error?.message).toBe('Media "not-an-id" is not a ContentGroove ID');
		expect(items).toEqual([]);
	});
});
