import { createCipheriv, createHash } from 'node:crypto';
import { Readable } from 'node:stream';

import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

const CHUNK_SIZE = 64 * 1024;

/**
 * Deterministic bytes for (seed, size): an AES-CTR keystream keyed by the seed, produced chunk by
 * chunk so a multi-gigabyte "file" never sits in memory and costs little CPU. Tests recompute
 * the same stream to know the expected hash.
 */
export function deterministicBytes(seed: string, sizeBytes: number): Readable {
	const key = createHash('sha256').update(seed).digest().subarray(0, 16);
	const keystream = createCipheriv('aes-128-ctr', key, Buffer.alloc(16));
	let produced = 0;
	return new Readable({
		read() {
			if (produced >= sizeBytes) return void this.push(null);
			const length = Math.min(CHUNK_SIZE, sizeBytes - produced);
			produced += length;
			this.push(keystream.update(Buffer.alloc(length)));
		},
	});
}

/** Test-only: one item per input item, carrying binary made by the real prepareBinaryData. */
export class BinarySource implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Binary Source (test)',
		name: 'binarySource',
		group: ['transform'],
		version: 1,
		description: 'Emits items with binary data',
		defaults: { name: 'Binary Source' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'Binary Property', name: 'binaryProperty', type: 'string', default: 'data' },
			{ displayName: 'File Name', name: 'fileName', type: 'string', default: 'video.mp4' },
			{ displayName: 'MIME Type', name: 'mimeType', type: 'string', default: 'video/mp4' },
			{ displayName: 'Base64 Content', name: 'base64', type: 'string', default: '' },
			{ displayName: 'Size (Bytes)', name: 'sizeBytes', type: 'number', default: 1024 },
			{ displayName: 'Seed', name: 'seed', type: 'string', default: 'seed' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < this.getInputData().length; itemIndex++) {
			const parameter = <T>(name: string) => this.getNodeParameter(name, itemIndex) as T;
			const base64 = parameter<string>('base64');
			const content = base64
				? Buffer.from(base64, 'base64')
				: deterministicBytes(parameter<string>('seed'), parameter<number>('sizeBytes'));
			const fileName = parameter<string>('fileName');
			const binary = await this.helpers.prepareBinaryData(content, fileName, parameter<string>('mimeType'));
			output.push({
				json: { fileName: binary.fileName },
				binary: { [parameter<string>('binaryProperty')]: binary },
				pairedItem: { item: itemIndex },
			});
		}
		return [output];
	}
}
