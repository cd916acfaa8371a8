import type { INodeParameters, INodePropertyOptions } from 'n8n-workflow';

import { ContentGroove } from '../../../nodes/ContentGroove/ContentGroove.node';
import type { Emulator } from '../../emulator';
import type { LoggedRequest } from '../../emulator/client';
import { findOperation } from '../../openapi';
import { createMediaDirectly, createProcessedMedia, useSandbox, type Sandbox } from '../sandbox';
import { createClipDirectly, createMany, createMediasDirectly, requestsDuring, waitUntilRendered } from './fixtures';

// No suggested clips: every clip in these tests is one the test made.
const sandbox = useSandbox({ suggestedClipsPerMedia: 0 });

interface ListedResource {
	resource: 'media' | 'clip';
	path: string;
	/** Makes `count` objects straight through the API, named by `name`, in creation order. */
	create(emulator: Emulator, count: number, name?: (index: number) => string): Promise<string[]>;
}

const MEDIAS: ListedResource = {
	resource: 'media',
	path: '/api/v1/medias',
	create: createMediasDirectly,
};

const CLIPS: ListedResource = {
	resource: 'clip',
	path: '/api/v1/clips',
	create: async (emulator, count, name = (index) => `Clip ${index}`) => {
		const mediaId = await createProcessedMedia(emulator);
		return await createMany(count, (index) => createClipDirectly(emulator, mediaId, { name: name(index) }));
	},
};

/** Runs a Get Many and returns its output with the list requests it sent. */
async function getMany(resource: ListedResource, parameters: INodeParameters = {}, box: Sandbox = sandbox) {
	const { result, api } = await requestsDuring(box.emulator, () =>
		box.run({ resource: resource.resource, operation: 'getAll', ...parameters }),
	);
	return { ...result, ids: result.json.map((item) => item.id as string), requests: api };
}

const pageQueries = (requests: LoggedRequest[]) =>
	requests.map(({ method, path, query }) => ({ method, path, number: query['page[number]'], size: query['page[size]'] }));

/** The `filter[...]` keys (and sort) of the one list request a run sent. */
function listQuery(requests: LoggedRequest[]): Record<string, string | string[]> {
	expect(requests).toHaveLength(1);
	const { 'page[number]': _number, 'page[size]': _size, ...rest } = requests[0].query;
	return rest;
}

describe.each([MEDIAS, CLIPS])('$resource: Get Many', (listed) => {
	it('pages through 230 objects: 50 by default, Limit 150 in 2 requests, Return All in 3', async () => {
		const created = await listed.create(sandbox.emulator, 230);

		const byDefault = await getMany(listed);
		expect(byDefault.error).toBeUndefined();
		expect(byDefault.ids).toEqual(created.slice(0, 50));
		expect(pageQueries(byDefault.requests)).toEqual([{ method: 'GET', path: listed.path, number: '1', size: '50' }]);

		const limited = await getMany(listed, { limit: 150 });
		expect(limited.ids).toEqual(created.slice(0, 150));
		expect(pageQueries(limited.requests)).toEqual([
			{ method: 'GET', path: listed.path, number: '1', size: '100' },
			{ method: 'GET', path: listed.path, number: '2', size: '100' },
		]);

		const all = await getMany(listed, { returnAll: true });
		expect(all.ids).toEqual(created);
		expect(new Set(all.ids).size).toBe(230);
		expect(pageQueries(all.requests)).toEqual([1, 2, 3].map((number) => ({
			method: 'GET',
			path: listed.path,
			number: String(number),
			size: '100',
		})));
	});

	it('returns exactly Limit items, asking for a page of that size', async () => {
		const created = await listed.create(sandbox.emulator, 12);
		const { ids, requests } = await getMany(listed, { limit: 7 });
		expect(ids).toEqual(created.slice(0, 7));
		expect(pageQueries(requests)).toEqual([{ method: 'GET', path: listed.path, number: '1', size: '7' }]);
	});

	it.each(['={{ 0 }}', '={{ -5 }}', '={{ 2.5 }}', '={{ "ten" }}'])(
		'refuses a Limit of %s (from an expression) before any request',
		async (limit) => {
			const { error, requests } = await getMany(listed, { limit });
			expect(error?.message).toMatch(/^Limit must be a whole number of at least 1, got "/);
			expect(requests).toEqual([]);
		},
	);

	it('returns what there is when Limit is more than exists, in one request', async () => {
		const created = await listed.create(sandbox.emulator, 4);
		const { ids, requests } = await getMany(listed, { limit: 20 });
		expect(ids).toEqual(created);
		expect(requests).toHaveLength(1);
	});

	it('returns simplified objects, or the JSON:API resources with Simplify off', async () => {
		const [id] = await listed.create(sandbox.emulator, 1, () => 'Only one');
		const simplified = await getMany(listed);
		expect(simplified.json).toEqual([expect.objectContaining({ id, name: 'Only one' })]);
		expect(simplified.json[0]).not.toHaveProperty('attributes');

		const raw = await getMany(listed, { simplify: false });
		expect(raw.json).toEqual([
			expect.objectContaining({
				id,
				type: `${listed.resource}s`,
				attributes: expect.objectContaining({ name: 'Only one' }),
				relationships: expect.any(Object),
			}),
		]);
	});

	it('sends "Name Contains" as filter[name_cont], and the API filters by it', async () => {
		const names = ['Chimp into space', 'Splashdown', 'The CHIMP returns', 'Recovery'];
		const created = await listed.create(sandbox.emulator, names.length, (index) => names[index]);
		const { ids, requests } = await getMany(listed, { filters: { nameContains: 'chimp' } });
		expect(listQuery(requests)).toEqual({ 'filter[name_cont]': 'chimp' });
		expect(ids).toEqual([created[0], created[2]]);
	});

	it('sends Created After/Before as filter[created_at_gteq]/[lteq] in ISO 8601, and the API filters by them', async () => {
		const { emulator } = sandbox;
		const early = await listed.create(emulator, 2);
		const after = await momentBetweenCreations();
		const middle = await listed.create(emulator, 3);
		const before = await momentBetweenCreations();
		const late = await listed.create(emulator, 2);

		const fromAfter = await getMany(listed, { filters: { createdAfter: after } });
		expect(listQuery(fromAfter.requests)).toEqual({ 'filter[created_at_gteq]': after });
		expect(fromAfter.ids).toEqual([...middle, ...late]);

		const untilBefore = await getMany(listed, { filters: { createdBefore: before } });
		expect(listQuery(untilBefore.requests)).toEqual({ 'filter[created_at_lteq]': before });
		expect(untilBefore.ids).toEqual([...early, ...middle]);

		// A time with an offset goes out in UTC.
		const withOffset = toOffset(after, 2);
		const between = await getMany(listed, { filters: { createdAfter: withOffset, createdBefore: before } });
		expect(listQuery(between.requests)).toEqual({
			'filter[created_at_gteq]': after,
			'filter[created_at_lteq]': before,
		});
		expect(between.ids).toEqual(middle);
	});

	it('refuses a Created After that is not a date, before any request', async () => {
		const { error, requests } = await getMany(listed, { filters: { createdAfter: '=not a date' } });
		expect(error?.message).toBe('Created After "not a date" is not a date');
		expect(requests).toEqual([]);
	});

	it('passes raw filters through, and the API filters by them', async () => {
		const created = await listed.create(sandbox.emulator, 3, (index) => ['Alpha', 'Beta', 'Alpha beta'][index]);
		const { ids, requests, error } = await getMany(listed, {
			rawFilters: { filter: [{ key: 'name_eq', value: 'Alpha' }, { key: 'filter[name_not_eq]', value: 'Beta' }] },
		});
		expect(error).toBeUndefined();
		expect(listQuery(requests)).toEqual({ 'filter[name_eq]': 'Alpha', 'filter[name_not_eq]': 'Beta' });
		expect(ids).toEqual([created[0]]);
	});

	it.each(['name', 'name_equals', 'filter[name]', 'name eq', '_eq', 'name_eq]&x=1'])(
		'refuses the raw filter key %j before any request',
		async (key) => {
			const { error, requests } = await getMany(listed, { rawFilters: { filter: [{ key, value: 'x' }] } });
			expect(error?.message).toBe(`Raw filter key "${key}" is not an attribute followed by a ransack matcher`);
			expect(error?.description).toContain('name_eq');
			expect(requests).toEqual([]);
		},
	);

	it("offers exactly the spec's sort values, and the API sorts by each", async () => {
		const options = sortOptions(listed.resource);
		const specEnum = findOperation('GET', listed.path)?.operation.parameters?.find((p) => p.name === 'sort')?.schema?.enum;
		expect(options.filter((value) => value !== '').sort()).toEqual([...(specEnum ?? [])].sort());
		expect(options).toContain('');

		const created: string[] = [];
		for (const name of ['bravo', 'Alpha', 'charlie']) {
			created.push(...(await listed.create(sandbox.emulator, 1, () => name)));
			await momentBetweenCreations(); // no two created in the same millisecond
		}
		// Clips have no original_created_at (the spec offers it anyway): all null, so creation order stays.
		const byOriginal = listed === MEDIAS ? [...created].reverse() : created;
		const expected: Record<string, string[]> = {
			'': created,
			created_at: created,
			original_created_at: created,
			'-created_at': [...created].reverse(),
			'-original_created_at': byOriginal,
			name: [created[1], created[0], created[2]],
			'-name': [created[2], created[0], created[1]],
		};
		for (const sort of options) {
			const { ids, requests } = await getMany(listed, { sort });
			expect({ sort, query: listQuery(requests) }).toEqual({ sort, query: sort ? { sort } : {} });
			expect({ sort, ids }).toEqual({ sort, ids: expected[sort] });
		}
	});
});

describe('Get Many from a server that pages by less than asked', () => {
	const clamping = useSandbox({ maxPageSize: 30 });

	it("follows the server's next links to the end, missing nothing", async () => {
		const created = await MEDIAS.create(clamping.emulator, 95);

		const all = await getMany(MEDIAS, { returnAll: true }, clamping);
		expect(all.ids).toEqual(created);
		expect(pageQueries(all.requests).map(({ number, size }) => [number, size])).toEqual([
			['1', '100'], ['2', '100'], ['3', '100'], ['4', '100'],
		]);

		const limited = await getMany(MEDIAS, { limit: 70 }, clamping);
		expect(limited.ids).toEqual(created.slice(0, 70));
		expect(limited.requests).toHaveLength(3);
	});
});

describe('media: Get Many filters', () => {
	it('sends Processing State as filter[is_processing_eq], and the API filters by it', async () => {
		const { emulator } = sandbox;
		const finished = await createMany(3, () => createProcessedMedia(emulator));
		const processing = await MEDIAS.create(emulator, 2);

		const onlyProcessing = await getMany(MEDIAS, { filters: { processingState: 'processing' } });
		expect(listQuery(onlyProcessing.requests)).toEqual({ 'filter[is_processing_eq]': 'true' });
		expect(onlyProcessing.ids).toEqual(processing);

		const onlyFinished = await getMany(MEDIAS, { filters: { processingState: 'finished' } });
		expect(listQuery(onlyFinished.requests)).toEqual({ 'filter[is_processing_eq]': 'false' });
		expect(onlyFinished.ids).toEqual(finished);

		const any = await getMany(MEDIAS, { filters: { processingState: 'any' } });
		expect(listQuery(any.requests)).toEqual({});
		expect(any.ids).toEqual([...finished, ...processing]);
	});

	it('sends Source URL Starts With as filter[source_url_start]', async () => {
		const { emulator } = sandbox;
		const archive = await createMediaDirectly(emulator, { source_url: 'https://archive.org/a.mp4' });
		await createMediaDirectly(emulator, { source_url: 'https://example.com/archive.org.mp4' });
		const { ids, requests } = await getMany(MEDIAS, { filters: { sourceUrlStartsWith: 'https://archive.org' } });
		expect(listQuery(requests)).toEqual({ 'filter[source_url_start]': 'https://archive.org' });
		expect(ids).toEqual([archive]);
	});
});

describe('clip: Get Many filters', () => {
	it('sends Media ID as filter[media_id_eq], and the API filters by it', async () => {
		const { emulator } = sandbox;
		const ofFirst = await CLIPS.create(emulator, 2);
		await CLIPS.create(emulator, 3);
		const mediaId = (await emulator.control.medias())[0].id;
		const { ids, requests } = await getMany(CLIPS, { filters: { mediaId } });
		expect(listQuery(requests)).toEqual({ 'filter[media_id_eq]': mediaId });
		expect(ids).toEqual(ofFirst);
	});

	it('sends Text Contains as filter[text_cont], and the API filters by the transcribed text', async () => {
		const { emulator } = sandbox;
		const ids = await CLIPS.create(emulator, 3);
		await waitUntilRendered(emulator, ids);
		const { json: clips } = await getMany(CLIPS);
		const word = String(clips[1].text).split(' ').sort((a, b) => b.length - a.length)[0].replace(/\W/g, '');
		const withWord = clips.filter((clip) => String(clip.text).toLowerCase().includes(word.toLowerCase()));

		const found = await getMany(CLIPS, { filters: { textContains: word } });
		expect(listQuery(found.requests)).toEqual({ 'filter[text_cont]': word });
		expect(found.ids).toEqual(withWord.map((clip) => clip.id));
		expect(found.ids).toContain(clips[1].id);
	});
});

/** The value of each Sort option the node offers for this resource's Get Many. */
function sortOptions(resource: string): string[] {
	const property = new ContentGroove().description.properties.find(
		(candidate) =>
			candidate.name === 'sort' &&
			candidate.displayOptions?.show?.resource?.includes(resource) &&
			candidate.displayOptions?.show?.operation?.includes('getAll'),
	);
	return ((property?.options ?? []) as INodePropertyOptions[]).map((option) => String(option.value));
}

/** An ISO time strictly between the objects created before and after this call. */
async function momentBetweenCreations(): Promise<string> {
	await new Promise((resolve) => setTimeout(resolve, 5));
	const moment = new Date().toISOString();
	await new Promise((resolve) => setTimeout(resolve, 5));
	return moment;
}

/** The same instant written with a +hh:00 offset, e.g. 2026-01-01T12:00:00.000+02:00. */
function toOffset(iso: string, hours: number): string {
	const shifted = new Date(Date.parse(iso) + hours * 3_600_000).toISOString().replace('Z', '');
	return `${shifted}+${String(hours).padStart(2, '0')}:00`;
}
