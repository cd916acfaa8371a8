import { validateCallback, validateRequest, validateResponse } from './validate';

const clip = {
	id: 'c1',
	type: 'clips',
	attributes: {
		created_at: '2022-08-15T18:34:08.398Z', end_char: 0, end_time: 2, external_id: '150', is_processing: true,
		media_file_content_type: null, media_file_duration: null, media_file_height: null, media_file_preview_image_url: null,
		media_file_url: null, media_file_width: null, name: 'Example Clip', processing_started_at: '2022-08-15T18:34:08.391Z',
		rank: null, start_char: 0, start_time: 1, text: null,
	},
	relationships: { media: { data: { id: 'm1', type: 'medias' } } },
};

describe('validateRequest', () => {
	it('accepts documented requests', () => {
		expect(validateRequest({ method: 'GET', path: '/api/v1/clips', query: 'filter[name_eq]=a&page[number]=2&page[size]=5&sort=-name&api_key=k' })).toEqual([]);
		const body = JSON.stringify({ data: { attributes: { name: 'n', media_id: 'm', start_time: 1, end_time: 2 } } });
		expect(validateRequest({ method: 'POST', path: '/api/v1/clips', body })).toEqual([]);
		expect(validateRequest({ method: 'DELETE', path: '/api/v1/medias/abc' })).toEqual([]);
	});

	it('reports undocumented operations, parameters and bodies', () => {
		expect(validateRequest({ method: 'PATCH', path: '/api/v1/clips/x' })).toEqual(['PATCH /api/v1/clips/x is not a documented operation']);
		expect(validateRequest({ method: 'GET', path: '/api/v1/direct_uploads', query: 'page[size]=1' })).toHaveLength(1);
		expect(validateRequest({ method: 'GET', path: '/api/v1/medias', query: 'page[size]=0' })[0]).toContain('not a positive integer');
		expect(validateRequest({ method: 'GET', path: '/api/v1/medias/x', body: '{}' })[0]).toContain('takes no request body');
		expect(validateRequest({ method: 'PUT', path: '/api/v1/medias/x' })[0]).toContain('body is required');
		expect(validateRequest({ method: 'PUT', path: '/api/v1/medias/x', body: '{' })[0]).toContain('not valid JSON');
		const wrongType = JSON.stringify({ data: { attributes: { name: 'n', media_id: 'm', start_time: '1', end_time: 2 } } });
		expect(validateRequest({ method: 'POST', path: '/api/v1/clips', body: wrongType })[0]).toContain('start_time must be number');
		const extra = JSON.stringify({ data: { attributes: { name: 'n', junk: true } } });
		expect(validateRequest({ method: 'PUT', path: '/api/v1/medias/x', body: extra })[0]).toContain('(junk)');
	});
});

describe('validateResponse', () => {
	it('accepts a body shaped like the example', () => {
		expect(validateResponse({ method: 'GET', path: '/api/v1/clips/c1', status: 200, body: { data: clip, links: { self: 'x' } } })).toEqual([]);
		expect(validateResponse({ method: 'DELETE', path: '/api/v1/clips/c1', status: 204 })).toEqual([]);
	});

	it('reports missing keys, extra keys, wrong types and unexpected nulls', () => {
		const { rank: _rank, ...withoutRank } = clip.attributes;
		const problems = validateResponse({
			method: 'GET',
			path: '/api/v1/clips/c1',
			status: 200,
			body: { data: { ...clip, id: null, attributes: { ...withoutRank, name: 5, colour: 'red' } }, links: { self: 'x' } },
		});
		expect(problems.sort()).toEqual([
			'GET /api/v1/clips/c1 → 200: data.attributes.colour is not in the spec\'s example',
			'GET /api/v1/clips/c1 → 200: data.attributes.name is a number, the spec\'s example has a string',
			'GET /api/v1/clips/c1 → 200: data.attributes.rank is missing (the spec\'s example has it)',
			'GET /api/v1/clips/c1 → 200: data.id is null, the spec\'s example has a string',
		]);
	});

	it('allows undocumented error statuses only with a JSON:API errors body', () => {
		expect(validateResponse({ method: 'POST', path: '/api/v1/clips', status: 422, body: { errors: [{ status: '422' }] } })).toEqual([]);
		expect(validateResponse({ method: 'POST', path: '/api/v1/clips', status: 422, body: { message: 'no' } })).toHaveLength(1);
		expect(validateResponse({ method: 'POST', path: '/api/v1/clips', status: 201, body: { data: clip } })).toHaveLength(1);
		expect(validateResponse({ method: 'DELETE', path: '/api/v1/clips/c1', status: 204, body: {} })).toHaveLength(1);
	});

	it('checks error bodies against the documented examples', () => {
		expect(validateResponse({ method: 'GET', path: '/api/v1/clips', status: 401, body: { errors: [{ message: 'x' }] } })).toEqual([]);
		expect(validateResponse({ method: 'GET', path: '/api/v1/clips', status: 401, body: { errors: [{ detail: 'x' }] } })).toHaveLength(2);
	});
});

describe('validateCallback', () => {
	const media = { id: 'm1', type: 'medias', attributes: { name: 'n', description: null, source_file_duration: 98.8 }, relationships: { clips: { data: [{ id: 'c1', type: 'clips' }] } } };
	const transcription = { id: 't1', type: 'transcriptions', attributes: { text: 'hello' }, relationships: {} };

	it('accepts the emulator-shaped body', () => {
		expect(validateCallback({ event: 'media.processing_finished', payload: { data: media, included: [clip, transcription] } })).toEqual([]);
	});

	it('reports a missing payload, a wrong type and an unknown included resource', () => {
		expect(validateCallback({ event: 'media.processing_finished' })).not.toEqual([]);
		expect(validateCallback({ event: 'x', payload: { data: { ...media, attributes: { is_processing: 'no' } } } })).not.toEqual([]);
		expect(validateCallback({ event: 'x', payload: { data: media, included: [{ id: 'u', type: 'users', attributes: {} }] } })).not.toEqual([]);
	});
});
