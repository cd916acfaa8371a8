import type { INodeProperties } from 'n8n-workflow';

const UUID_PATTERN = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/**
 * A "From list / By ID / By URL" picker for an existing ContentGroove object. URLs of the web app
 * (app.contentgroove.com/medias/<id>) and of the API (/api/v1/medias/<id>) are both understood.
 */
function resourceLocator(options: {
	displayName: string;
	name: string;
	searchListMethod: string;
	urlSegment: string;
}): INodeProperties {
	const urlRegex = `https?://[^/]+/(?:api/v1/)?${options.urlSegment}/(${UUID_PATTERN})`;
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: options.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 9b9a2e82-5b47-4f59-831d-4c239824b983',
				validation: [
					{
						type: 'regex',
						properties: { regex: `^${UUID_PATTERN}$`, errorMessage: 'Not a ContentGroove ID (a UUID)' },
					},
				],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: `e.g. https://app.contentgroove.com/${options.urlSegment}/9b9a2e82-5b47-4f59-831d-4c239824b983`,
				extractValue: { type: 'regex', regex: urlRegex },
				validation: [
					{
						type: 'regex',
						properties: { regex: urlRegex, errorMessage: `Not a ContentGroove ${options.urlSegment} URL` },
					},
				],
			},
		],
	};
}

export const mediaLocator = resourceLocator({
	displayName: 'Media',
	name: 'mediaId',
	searchListMethod: 'searchMedias',
	urlSegment: 'medias',
});

export const clipLocator = resourceLocator({
	displayName: 'Clip',
	name: 'clipId',
	searchListMethod: 'searchClips',
	urlSegment: 'clips',
});

export const webhookSubscriptionLocator = resourceLocator({
	displayName: 'Webhook Subscription',
	name: 'webhookSubscriptionId',
	searchListMethod: 'searchWebhookSubscriptions',
	urlSegment: 'webhook_subscriptions',
});

export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return a flat object (ID, attributes and related IDs) instead of the API\'s JSON:API document',
};

export const returnAllFields: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

export const sortField: INodeProperties = {
	displayName: 'Sort',
	name: 'sort',
	type: 'options',
	default: '',
	options: [
		{ name: 'API Default', value: '' },
		{ name: 'Created At (Newest First)', value: '-created_at' },
		{ name: 'Created At (Oldest First)', value: 'created_at' },
		{ name: 'Name (A → Z)', value: 'name' },
		{ name: 'Name (Z → A)', value: '-name' },
		{ name: 'Original Created At (Newest First)', value: '-original_created_at' },
		{ name: 'Original Created At (Oldest First)', value: 'original_created_at' },
	],
	description: 'Order of the results',
};

export const rawFiltersField: INodeProperties = {
	displayName: 'Raw Filters',
	name: 'rawFilters',
	type: 'fixedCollection',
	placeholder: 'Add Raw Filter',
	typeOptions: { multipleValues: true },
	default: {},
	description:
		'Any ransack filter the API accepts, as filter[&lt;attribute&gt;_&lt;matcher&gt;]. See https://activerecord-hackery.github.io/ransack/getting-started/search-matches/.',
	options: [
		{
			displayName: 'Filter',
			name: 'filter',
			values: [
				{
					displayName: 'Key',
					name: 'key',
					type: 'string',
					default: '',
					placeholder: 'e.g. name_eq',
					description: 'An attribute followed by a ransack matcher',
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					placeholder: 'e.g. Chimp Into Space',
					description: 'For "in" matchers, separate values with commas',
				},
			],
		},
	],
};

export const createdRangeFilters: INodeProperties[] = [
	{
		displayName: 'Created After',
		name: 'createdAfter',
		type: 'dateTime',
		default: '',
		description: 'Only objects created at or after this time',
	},
	{
		displayName: 'Created Before',
		name: 'createdBefore',
		type: 'dateTime',
		default: '',
		description: 'Only objects created at or before this time',
	},
];

/** "Wait Until Processed" and its timeout, for operations that start processing. */
export function waitFields(label: string, what: string): INodeProperties[] {
	return [
		{
			displayName: label,
			name: 'waitForProcessing',
			type: 'boolean',
			default: false,
			description: `Whether to wait until ContentGroove has finished ${what} before returning`,
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'waitTimeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 3600,
			description: 'How long to wait before failing with an error',
			displayOptions: { show: { waitForProcessing: [true] } },
		},
	];
}

/** The parameters of every Get Many: Return All / Limit, friendly filters, raw filters, sort, Simplify. */
export function getManyFields(filterOptions: INodeProperties[]): INodeProperties[] {
	return [
		...returnAllFields,
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: filterOptions,
		},
		rawFiltersField,
		sortField,
		simplifyField,
	];
}
