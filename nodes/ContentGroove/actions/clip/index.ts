import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as download from './download.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

/** The operation modules of this resource, by operation value. */
export const operations = { create, delete: del, download, get, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['clip'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Cut a new clip from a media', action: 'Create a clip' },
			{ name: 'Delete', value: 'delete', description: 'Delete a clip', action: 'Delete a clip' },
			{
				name: 'Download',
				value: 'download',
				description: 'Download a clip\'s video file into a binary field',
				action: 'Download a clip',
			},
			{ name: 'Get', value: 'get', description: 'Get a clip', action: 'Get a clip' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many clips', action: 'Get many clips' },
			{ name: 'Update', value: 'update', description: 'Rename or re-cut a clip', action: 'Update a clip' },
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getAll.description,
	...update.description,
	...del.description,
	...download.description,
];
