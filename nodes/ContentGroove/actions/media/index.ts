import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';
import * as upload from './upload.operation';
import * as waitUntilProcessed from './waitUntilProcessed.operation';

/** The operation modules of this resource, by operation value. */
export const operations = { create, delete: del, get, getAll, update, upload, waitUntilProcessed };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['media'] } },
		options: [
			{
				name: 'Create From URL',
				value: 'create',
				description: 'Create a media that ContentGroove fetches from a URL',
				action: 'Create a media from a URL',
			},
			{ name: 'Delete', value: 'delete', description: 'Delete a media and its clips', action: 'Delete a media' },
			{ name: 'Get', value: 'get', description: 'Get a media', action: 'Get a media' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many medias', action: 'Get many medias' },
			{ name: 'Update', value: 'update', description: 'Update a media\'s name or description', action: 'Update a media' },
			{
				name: 'Upload',
				value: 'upload',
				description: 'Create a media from a file in a binary field',
				action: 'Upload a media file',
			},
			{
				name: 'Wait Until Processed',
				value: 'waitUntilProcessed',
				description: 'Wait until ContentGroove has transcribed the media and cut its clips',
				action: 'Wait until a media is processed',
			},
		],
		default: 'create',
	},
	...create.description,
	...upload.description,
	...get.description,
	...getAll.description,
	...update.description,
	...del.description,
	...waitUntilProcessed.description,
];
