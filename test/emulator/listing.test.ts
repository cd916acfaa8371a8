import { startEmulator, type Emulator } from './index';
import { api, createMedia } from './testSupport';

const NAMES = ['Delta', 'alpha', 'Charlie', 'bravo', 'Echo'];

describe('emulator lists: filters, sort, pagination', () => {
	let emulator: Emulator;
	const ids: Record<string, string> = {};
	beforeAll(async () => {
		emulator = await startEmulator({ processingDelayMs: Infinity, defaultPageSize: 2, maxPageSize: 3 });
		for (const [index, name] of NAMES.entries()) {
			const host = index % 2 ? 'https://archive.org' : 'https://cdn.example.com';
			const media = await createMedia(emulator, { source_url: `${host}/${name.toLowerCase()}.mp4`, name, ...(index === 4 ? {} : { description: `video ${index}` }) });
			ids[name] = media.id;
		}
	});
	afterAll(() => emulator.close());

	async function names(query: string): Promise<string[]> {
		const response = await api(emulator, 'GET', `/api/v1/medias?page[size]=3&${query}`);
		expect(response.status).toBe(200);
		return response.body.data.map((media: any) => media.attributes.name);
	}

	it.each([
		['filter[name_eq]=alpha', ['alpha']],
		['filter[name_not_eq]=alpha&sort=name', ['bravo', 'Charlie', 'Delta']],
		['filter[name_cont]=HAR', ['Charlie']],
		['filter[name_not_cont]=a&sort=name', ['Echo']],
		['filter[name_start]=b', ['bravo']],
		['filter[name_end]=O', ['bravo', 'Echo']],
		['filter[sourceUrl_start]=https://archive.org', ['alpha', 'bravo']],
		['filter[source_url_start]=https://archive.org', ['alpha', 'bravo']],
		['filter[name_in]=alpha,Echo', ['alpha', 'Echo']],
		['filter[name_in][]=alpha&filter[name_in][]=bravo', ['alpha', 'bravo']],
		['filter[name_not_in]=alpha,bravo,Delta', ['Charlie', 'Echo']],
		['filter[description_null]=true', ['Echo']],
		['filter[description_present]=1&filter[name_gteq]=Delta', ['Delta']],
		['filter[name_lt]=Delta', ['alpha', 'Charlie', 'bravo']],
		['filter[external_id_gt]=3', ['bravo', 'Echo']],
		['filter[external_id_lteq]=2', ['Delta', 'alpha']],
		['filter[name_eq]=', ['Delta', 'alpha', 'Charlie']],
	])('%s', async (query, expected) => {
		expect(await names(query)).toEqual(expected);
	});

	it.each([
		['sort=name', ['alpha', 'bravo', 'Charlie']],
		['sort=-name', ['Echo', 'Delta', 'Charlie']],
		['sort=-created_at', ['Echo', 'bravo', 'Charlie']],
		['sort=original_created_at', ['Delta', 'alpha', 'Charlie']],
	])('%s', async (query, expected) => {
		expect(await names(query)).toEqual(expected);
	});

	it('filters clips by media_id', async () => {
		const response = await api(emulator, 'GET', `/api/v1/clips?filter[media_id_eq]=${ids.alpha}`);
		expect(response.status).toBe(200);
		expect(response.body.data).toEqual([]);
	});

	it('answers 400 naming an unknown filter attribute, matcher or sort', async () => {
		const unknown = await api(emulator, 'GET', '/api/v1/medias?filter[colour_eq]=red');
		expect(unknown.status).toBe(400);
		expect(unknown.body.errors[0]).toMatchObject({ status: '400', source: { parameter: 'filter[colour_eq]' } });
		expect(unknown.body.errors[0].detail).toContain("'colour'");
		expect((await api(emulator, 'GET', '/api/v1/medias?filter[name_like]=x')).status).toBe(400);
		const sort = await api(emulator, 'GET', '/api/v1/medias?sort=size');
		expect(sort.status).toBe(400);
		expect(sort.body.errors[0].source).toEqual({ parameter: 'sort' });
	});

	it('paginates like jsonapi.rb: default size, links and meta', async () => {
		const base = `${emulator.url}/api/v1/medias`;
		const first = await api(emulator, 'GET', '/api/v1/medias');
		expect(first.body.data).toHaveLength(2);
		expect(first.body.links).toEqual({ self: base, current: `${base}?page[number]=1`, next: `${base}?page[number]=2`, last: `${base}?page[number]=3` });
		expect(first.body.meta).toEqual({ pagination: { current: 1, next: 2, last: 3, records: 5 } });

		const middle = await api(emulator, 'GET', '/api/v1/medias?sort=name&page[number]=2&filter[name_cont]=a');
		expect(middle.body.meta.pagination).toEqual({ current: 2, first: 1, prev: 1, records: 4 });
		expect(middle.body.links).toEqual({
			self: `${base}?sort=name&page[number]=2&filter[name_cont]=a`,
			current: `${base}?filter[name_cont]=a&page[number]=2&sort=name`,
			first: `${base}?filter[name_cont]=a&page[number]=1&sort=name`,
			prev: `${base}?filter[name_cont]=a&page[number]=1&sort=name`,
		});
		expect(middle.body.data.map((m: any) => m.attributes.name)).toEqual(['Charlie', 'Delta']);
	});

	it('clamps page[size] to maxPageSize but keeps the requested size in links, as the gem would', async () => {
		const response = await api(emulator, 'GET', '/api/v1/medias?page[size]=500');
		expect(response.body.data).toHaveLength(3);
		expect(response.body.meta.pagination).toEqual({ current: 1, next: 2, last: 2, records: 5 });
		expect(response.body.links.next).toBe(`${emulator.url}/api/v1/medias?page[number]=2&page[size]=500`);
		const beyond = await api(emulator, 'GET', '/api/v1/medias?page[number]=9');
		expect(beyond.body.data).toEqual([]);
		expect(beyond.body.meta.pagination).toEqual({ current: 9, first: 1, prev: 8, records: 5 });
	});

	it('lists medias without the transcription relationship, as the spec example does', async () => {
		const response = await api(emulator, 'GET', '/api/v1/medias?page[size]=1');
		expect(Object.keys(response.body.data[0].relationships)).toEqual(['clips']);
	});
});
