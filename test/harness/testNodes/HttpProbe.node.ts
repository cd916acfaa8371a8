import {
	NodeApiError,
	NodeConnectionTypes,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type JsonObject,
} from 'n8n-workflow';

/**
 * Test-only stand-in for an API node: one authenticated request per item, so the harness can be
 * proven (auth header, expressions, errors, continueOnFail) without our real node.
 */
export class HttpProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HTTP Probe (test)',
		name: 'httpProbe',
		group: ['transform'],
		version: 1,
		description: 'Calls <baseUrl><path> with the credential',
		defaults: { name: 'HTTP Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'testApi', required: true }],
		properties: [
			{ displayName: 'Path', name: 'path', type: 'string', default: '/' },
			{ displayName: 'Method', name: 'method', type: 'string', default: 'GET' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const { baseUrl } = await this.getCredentials<{ baseUrl: string }>('testApi');
		const output: INodeExecutionData[] = [];
		const items = this.getInputData();
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const response = (await this.helpers.httpRequestWithAuthentication.call(this, 'testApi', {
					method: this.getNodeParameter('method', itemIndex) as IHttpRequestMethods,
					url: `${baseUrl}${this.getNodeParameter('path', itemIndex) as string}`,
					json: true,
				})) as JsonObject;
				output.push({ json: response, pairedItem: { item: itemIndex } });
			} catch (error) {
				const apiError = new NodeApiError(this.getNode(), error as JsonObject, { itemIndex });
				if (!this.continueOnFail()) throw apiError;
				output.push({ json: { error: apiError.message }, pairedItem: { item: itemIndex } });
			}
		}
		return [output];
	}
}
