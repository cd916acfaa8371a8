import type { INodeProperties } from 'n8n-workflow';

/** Name and description, shared by create, upload and update. */
export const mediaTextFields: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		placeholder: 'e.g. Chimp Into Space',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		placeholder: 'e.g. Enos was the second chimpanzee launched into space by NASA',
	},
];
