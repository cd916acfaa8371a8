import {
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

export const ITEM_SOURCE_TYPE = 'test.itemSource';

/** Test-only: emits the JSON items given as a parameter, so one run can feed several items to a node. */
export class ItemSource implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Item Source (test)',
		name: 'itemSource',
		group: ['transform'],
		version: 1,
		description: 'Emits the given items',
		defaults: { name: 'Items' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items (JSON)', name: 'items', type: 'json', default: '[]' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as string | IDataObject[];
		const items = (typeof raw === 'string' ? JSON.parse(raw) : raw) as IDataObject[];
		return [items.map((json) => ({ json, pairedItem: { item: 0 } }))];
	}
}
