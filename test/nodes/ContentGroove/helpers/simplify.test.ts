import { toSimplified } from '../../../../nodes/ContentGroove/helpers/simplify';
import type { JsonApiResource } from '../../../../nodes/ContentGroove/helpers/interfaces';
import { loadSpec, type SpecOperation } from '../../../openapi/spec';

function responseExample(path: string, method: string, status: string): unknown {
	const operation = loadSpec().paths[path][method] as SpecOperation;
	return operation.responses[status].content?.['application/json'].example;
}

describe('toSimplified, on the OpenAPI document\'s own examples', () => {
	it('flattens a media to id, attributes, clip_ids and transcription_id', () => {
		const { data } = responseExample('/api/v1/medias/{id}', 'get', '200') as { data: JsonApiResource };
		expect(toSimplified(data)).toEqual({
			id: data.id,
			...data.attributes,
			clip_ids: [],
			transcription_id: null,
		});
	});

	it('flattens a clip to id, attributes and media_id', () => {
		const { data } = responseExample('/api/v1/clips/{id}', 'get', '200') as { data: JsonApiResource };
		expect(toSimplified(data)).toEqual({ id: data.id, ...data.attributes, media_id: 'dde75ca2-77ad-4dfa-b4f0-61ccff99a296' });
	});

	it('flattens a webhook subscription to id and attributes', () => {
		const { data } = responseExample('/api/v1/webhook_subscriptions/{id}', 'get', '200') as { data: JsonApiResource };
		const simplified = toSimplified(data);
		expect(simplified).toEqual({ id: data.id, ...data.attributes });
		expect(simplified.subscribed_events).toEqual(['*']);
	});

	it('lists the ids of related clips', () => {
		const media: JsonApiResource = {
			id: 'm1',
			type: 'medias',
			attributes: { name: 'x' },
			relationships: { clips: { data: [{ id: 'c1', type: 'clips' }, { id: 'c2', type: 'clips' }] } },
		};
		expect(toSimplified(media)).toEqual({ id: 'm1', name: 'x', clip_ids: ['c1', 'c2'] });
	});
});
