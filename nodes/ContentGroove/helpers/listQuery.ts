import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { DateTime } from 'luxon';
import { NodeOperationError } from 'n8n-workflow';

/** Ransack matchers ContentGroove accepts in `filter[<attribute>_<matcher>]` (see the OpenAPI document's link). */
const RANSACK_MATCHERS = [
	'not_eq_any', 'not_eq_all', 'not_eq', 'eq_any', 'eq_all', 'eq',
	'does_not_match', 'matches',
	'lteq', 'lt', 'gteq', 'gt',
	'not_in', 'in',
	'not_i_cont', 'i_cont_any', 'i_cont_all', 'i_cont',
	'not_cont_any', 'not_cont_all', 'not_cont', 'cont_any', 'cont_all', 'cont',
	'not_start', 'start_any', 'start',
	'not_end', 'end_any', 'end',
	'not_true', 'true', 'not_false', 'false',
	'present', 'blank', 'not_null', 'null',
];

const RAW_FILTER_KEY = new RegExp(`^[a-zA-Z][a-zA-Z0-9_]*_(${RANSACK_MATCHERS.join('|')})$`);

/** The friendly filter fields and the ransack key each one stands for. */
export const FRIENDLY_FILTERS: Record<string, string> = {
	nameContains: 'name_cont',
	sourceUrlStartsWith: 'source_url_start',
	textContains: 'text_cont',
	mediaId: 'media_id_eq',
	createdAfter: 'created_at_gteq',
	createdBefore: 'created_at_lteq',
	processingState: 'is_processing_eq',
	url: 'url_eq',
};

const PROCESSING_STATE: Record<string, string> = { processing: 'true', finished: 'false' };

/**
 * Builds the `filter[...]` and `sort` query for a Get Many from the node's Filters, Raw Filters
 * and Sort parameters. Refuses a raw key ransack would not understand before any request is sent.
 */
export function buildListQuery(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const qs: IDataObject = {};
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	for (const [field, value] of Object.entries(filters)) {
		const key = FRIENDLY_FILTERS[field];
		if (!key || value === '' || value === undefined || value === null) continue;
		if (field === 'processingState') {
			if (value !== 'any') qs[`filter[${key}]`] = PROCESSING_STATE[String(value)];
		} else if (field === 'createdAfter' || field === 'createdBefore') {
			qs[`filter[${key}]`] = toIsoDate.call(this, value, field === 'createdAfter' ? 'Created After' : 'Created Before', itemIndex);
		} else {
			qs[`filter[${key}]`] = String(value);
		}
	}

	const raw = this.getNodeParameter('rawFilters.filter', itemIndex, []) as Array<{ key: string; value: string }>;
	for (const { key, value } of raw) {
		const bare = String(key ?? '').trim().replace(/^filter\[(.*)\]$/, '$1');
		if (!RAW_FILTER_KEY.test(bare)) {
			throw new NodeOperationError(this.getNode(), `Raw filter key "${key}" is not an attribute followed by a ransack matcher`, {
				description: `Use <attribute>_<matcher>, e.g. name_eq or created_at_gt. Matchers: ${RANSACK_MATCHERS.join(', ')}.`,
				itemIndex,
			});
		}
		qs[`filter[${bare}]`] = String(value ?? '');
	}

	const sort = this.getNodeParameter('sort', itemIndex, '') as string;
	if (sort) qs.sort = sort;
	return qs;
}

/** A date without an offset means the workflow's timezone, as everywhere else in n8n. */
function toIsoDate(this: IExecuteFunctions, value: unknown, field: string, itemIndex: number): string {
	const date = DateTime.fromISO(String(value), { zone: this.getTimezone() });
	if (!date.isValid) {
		throw new NodeOperationError(this.getNode(), `${field} "${String(value)}" is not a date`, {
			description: `Set ${field} to a date, e.g. 2026-01-31T00:00:00Z`,
			itemIndex,
		});
	}
	return date.toUTC().toISO() as string;
}
