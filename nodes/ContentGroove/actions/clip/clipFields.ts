import type { INodeProperties } from 'n8n-workflow';

export const startTimeField: INodeProperties = {
	displayName: 'Start Time (Seconds)',
	name: 'startTime',
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 3 },
	default: 0,
	description: 'Where the clip starts, in seconds from the beginning of the media',
};

export const endTimeField: INodeProperties = {
	displayName: 'End Time (Seconds)',
	name: 'endTime',
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 3 },
	default: 10,
	description: 'Where the clip ends, in seconds from the beginning of the media; must be after the start',
};

export const clipNameField: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	placeholder: 'e.g. Splashdown',
};
