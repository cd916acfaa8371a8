import { createReadStream } from 'node:fs';

import {
	NodeConnectionTypes,
	type IBinaryData,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

export const BENCH_FILE_TYPE = 'bench.file';

/**
 * Bench-only: emits one item whose binary is a video file.
 * - With `path`: reads the file into n8n's binary storage the way a user's "Read File" node would,
 *   by handing `prepareBinaryData` a file stream (in filesystem mode the bytes are copied into
 *   n8n's storage and the item carries only an id). This is the preparation, never measured.
 * - With `stored`: hands over the `IBinaryData` such a run produced, so that a measured run starts
 *   with the file already in n8n's storage and only uploads it.
 */
export class BenchFile implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bench File',
		name: 'file',
		group: ['input'],
		version: 1,
		description: 'Emits one item with a video file as binary',
		defaults: { name: 'File' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'Path', name: 'path', type: 'string', default: '' },
			{ displayName: 'File Name', name: 'fileName', type: 'string', default: 'video.mp4' },
			{ displayName: 'Stored Binary (JSON)', name: 'stored', type: 'json', default: '' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const stored = this.getNodeParameter('stored', 0) as string | IBinaryData;
		const binary = stored
			? ((typeof stored === 'string' ? JSON.parse(stored) : stored) as IBinaryData)
			: await this.helpers.prepareBinaryData(
					createReadStream(this.getNodeParameter('path', 0) as string),
					this.getNodeParameter('fileName', 0) as string,
					'video/mp4',
				);
		return [[{ json: { fileName: binary.fileName }, binary: { data: binary }, pairedItem: { item: 0 } }]];
	}
}
