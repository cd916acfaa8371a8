import type { INodeProperties, INodeType } from 'n8n-workflow';

import type { LoggedRequest } from '../../emulator/client';
import { assertNoSecret, CONTENTGROOVE_TYPE } from '../../harness';
import { createMediaDirectly, createProcessedMedia, locator, useSandbox } from '../sandbox';
import {
	createClipDirectly,
	createMany,
	createMediasDirectly,
	createSubscriptionDirectly,
	requestsDuring,
} from './fixtures';
import { callListSearch } from './listSearchContext';

const sandbox = useSandbox({ suggestedClipsPerMedia: 0 });

/** Runs a list search in n8n-core's LoadOptionsContext and returns what it answered and sent. */
async function search(methodName: string, filter?: string, paginationToken?: string, apiKey?: string) {
	const { nodeTypes, credentials, emulator } = sandbox;
	const call = () =>
		callListSearch({
			nodeTypes,
			credentials: { contentGrooveApi: { ...credentials.contentGrooveApi, ...(apiKey ? { apiKey } : {}) } },
			methodName,
			filter,
			paginationToken,
		});
	const { result, api } = await requestsDuring(emulator, call);
	expect(api).toHaveLength(1);
	return { result, request: api[0] };
}

const queryOf = ({ method, path, query }: LoggedRequest) => ({ method, path, query });

/** Newest first, as the API sorts `-created_at` (ties keep creation order). */
async function newestFirst(kind: 'medias' | 'clips', ids: string[]): Promise<string[]> {
	const { emulator } = sandbox;
	const createdAt = new Map<string, string>();
	for (const id of ids) {
		const response = await fetch(`${emulator.url}/api/v1/${kind}/${id}`, {
			headers: { Authorization: `Bearer ${emulator.apiKey}` },
		});
		createdAt.set(id, ((await response.json()) as { data: { attributes: { created_at: string } } }).data.attributes.created_at);
	}
	return [...ids].sort((a, b) => createdAt.get(b)!.localeCompare(createdAt.get(a)!));
}

/** Reads a paginated search's two pages (50, then the rest), checking what each request asked. */
async function searchBothPages(methodName: string, path: string) {
	const pageQuery = (number: string) => ({
		method: 'GET',
		path,
		query: { sort: '-created_at', 'page[number]': number, 'page[size]': '50' },
	});
	const first = await search(methodName);
	expect(queryOf(first.request)).toEqual(pageQuery('1'));
	expect(first.request.headers.authorization).toBe(`Bearer ${sandbox.emulator.apiKey}`);
	expect(first.result.results).toHaveLength(50);
	expect(first.result.paginationToken).toBe('2');

	const second = await search(methodName, undefined, first.result.paginationToken);
	expect(queryOf(second.request)).toEqual(pageQuery('2'));
	expect(second.result.paginationToken).toBeUndefined();
	return [...first.result.results, ...second.result.results];
}

describe('list searches', () => {
	it('every resource locator of the node names a list search the node has', () => {
		const nodeType = sandbox.nodeTypes[CONTENTGROOVE_TYPE] as INodeType;
		const searchMethods = nodeType.description.properties
			.filter((property: INodeProperties) => property.type === 'resourceLocator')
			.flatMap((property) => property.modes ?? [])
			.map((mode) => mode.typeOptions?.searchListMethod)
			.filter((name): name is string => Boolean(name));
		expect(new Set(searchMethods)).toEqual(new Set(['searchMedias', 'searchClips', 'searchWebhookSubscriptions']));
		for (const name of searchMethods) expect(typeof nodeType.methods?.listSearch?.[name]).toBe('function');
	});
});

describe('searchMedias', () => {
	it('lists medias newest first, 50 a page, with a token for the next page', async () => {
		const { emulator } = sandbox;
		const created = await createMediasDirectly(emulator, 60);
		const expectedOrder = await newestFirst('medias', created);

		const results = await searchBothPages('searchMedias', '/api/v1/medias');
		expect(results.map((result) => result.value)).toEqual(expectedOrder);
		expect(results[0]).toEqual({
			name: `Media ${String(created.indexOf(expectedOrder[0])).padStart(3, '0')}`,
			value: expectedOrder[0],
			url: `${emulator.url}/api/v1/medias/${expectedOrder[0]}`,
		});
	});

	it('sends the typed text as filter[name_cont], and lists only the matches', async () => {
		const { emulator } = sandbox;
		const chimp = await createMediaDirectly(emulator, { source_url: 'https://example.com/a.mp4', name: 'Chimp Into Space' });
		await createMediaDirectly(emulator, { source_url: 'https://example.com/b.mp4', name: 'Splashdown' });
		const { result, request } = await search('searchMedias', 'chimp');
		expect(request.query).toEqual({
			sort: '-created_at',
			'filter[name_cont]': 'chimp',
			'page[number]': '1',
			'page[size]': '50',
		});
		expect(result).toEqual({
			results: [{ name: 'Chimp Into Space', value: chimp, url: `${emulator.url}/api/v1/medias/${chimp}` }],
			paginationToken: undefined,
		});
	});

	it('names a media without a name by its ID', async () => {
		const id = await createMediaDirectly(sandbox.emulator, { source_url: 'https://example.com/' });
		const { result } = await search('searchMedias');
		expect(result.results).toEqual([expect.objectContaining({ name: id, value: id })]);
	});

	it("gives URLs that the locator's By URL mode accepts", async () => {
		const id = await createMediaDirectly(sandbox.emulator);
		const { result } = await search('searchMedias');
		const { json, error } = await sandbox.run({
			resource: 'media',
			operation: 'get',
			mediaId: locator(String(result.results[0].url), 'url'),
		});
		expect(error).toBeUndefined();
		expect(json[0].id).toBe(id);
	});

	it('fails with the API error when the key is refused, without leaking the key', async () => {
		const error = await search('searchMedias', undefined, undefined, 'cg_wrong_key_123').catch((caught: Error) => caught);
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).message).toBe(
			'ContentGroove rejected the API key: You need to sign in or sign up before continuing.',
		);
		assertNoSecret(error, 'cg_wrong_key_123');
	});
});

describe('searchClips', () => {
	it('lists clips newest first with a next-page token, and filters by name', async () => {
		const { emulator } = sandbox;
		const mediaId = await createProcessedMedia(emulator);
		const created = await createMany(55, (index) =>
			createClipDirectly(emulator, mediaId, { name: index === 7 ? 'The Splashdown' : `Clip ${index}` }),
		);
		const expectedOrder = await newestFirst('clips', created);

		const results = await searchBothPages('searchClips', '/api/v1/clips');
		expect(results.map((result) => result.value)).toEqual(expectedOrder);

		const filtered = await search('searchClips', 'splash');
		expect(filtered.request.query).toMatchObject({ 'filter[name_cont]': 'splash' });
		expect(filtered.result.results).toEqual([
			{ name: 'The Splashdown', value: created[7], url: `${emulator.url}/api/v1/clips/${created[7]}` },
		]);
	});
});

describe('searchWebhookSubscriptions', () => {
	it('lists subscriptions by URL and events, in one request without page parameters', async () => {
		const { emulator } = sandbox;
		const first = await createSubscriptionDirectly(emulator, 'https://example.com/hooks/one', ['media.processing_finished']);
		await new Promise((resolve) => setTimeout(resolve, 5));
		const second = await createSubscriptionDirectly(emulator, 'https://hooks.example.org/two', ['*']);

		const all = await search('searchWebhookSubscriptions');
		expect(queryOf(all.request)).toEqual({
			method: 'GET',
			path: '/api/v1/webhook_subscriptions',
			query: { sort: '-created_at' },
		});
		expect(all.result).toEqual({
			results: [
				{
					name: 'https://hooks.example.org/two (*)',
					value: second,
					url: `${emulator.url}/api/v1/webhook_subscriptions/${second}`,
				},
				{
					name: 'https://example.com/hooks/one (media.processing_finished)',
					value: first,
					url: `${emulator.url}/api/v1/webhook_subscriptions/${first}`,
				},
			],
			paginationToken: undefined,
		});

		const filtered = await search('searchWebhookSubscriptions', 'example.com');
		expect(filtered.request.query).toEqual({ sort: '-created_at', 'filter[url_cont]': 'example.com' });
		expect(filtered.result.results.map((result) => result.value)).toEqual([first]);
	});
});
