import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { binaryDataStoragePath } from '../harness';

export const OVERSIZED_FILE_TYPE = 'test.oversizedFile';

/**
 * Test-only, filesystem binary mode: stores a tiny file, then grows it (sparse) and its stored
 * metadata to `sizeBytes`, as n8n would hold a real recording that big — without writing gigabytes.
 */
export class OversizedFile implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Oversized File (test)',
		name: 'oversizedFile',
		group: ['transform'],
		version: 1,
		description: 'Emits one item whose stored binary claims a huge size',
		defaults: { name: 'Oversized File' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Size (Bytes)', name: 'sizeBytes', type: 'number', default: 0 }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const sizeBytes = this.getNodeParameter('sizeBytes', 0) as number;
		const binary = await this.helpers.prepareBinaryData(Buffer.from('tiny'), 'recording.mp4', 'video/mp4');
		const location = String(binary.id).split(':').slice(1).join(':');
		const file = path.join(binaryDataStoragePath() ?? '', location);
		truncateSync(file, sizeBytes);
		const metadata = JSON.parse(readFileSync(`${file}.metadata`, 'utf8')) as Record<string, unknown>;
		writeFileSync(`${file}.metadata`, JSON.stringify({ ...metadata, fileSize: sizeBytes }));
		return [[{ json: {}, binary: { data: binary }, pairedItem: { item: 0 } }]];
	}
}
