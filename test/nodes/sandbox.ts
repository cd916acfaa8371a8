import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { startEmulator, type Emulator, type EmulatorOptionsInput } from '../emulator';
import {
	BINARY_SOURCE_TYPE,
	CONTENTGROOVE_TYPE,
	MANUAL_TRIGGER_TYPE,
	runWorkflow,
	withOurNodes,
	type BinaryDataMode,
	type NodeTypeMap,
	type WorkflowNodeJson,
	type WorkflowRunResult,
} from '../harness';
import { ItemSource, ITEM_SOURCE_TYPE } from './ItemSource.node';

export const NODE_NAME = 'ContentGroove';

/** An emulator plus our nodes loaded for n8n's engine: what every node test runs against. */
export interface Sandbox {
	emulator: Emulator;
	nodeTypes: NodeTypeMap;
	credentials: { contentGrooveApi: { apiKey: string; baseUrl: string } };
	/** Runs Manual Trigger → [input node] → ContentGroove with the given parameters. */
	run(parameters: INodeParameters, options?: RunOptions): Promise<NodeRun>;
	close(): Promise<void>;
}

export interface RunOptions {
	/** Items fed to the node (through a test Item Source node). */
	items?: IDataObject[];
	/** Parameters of a test Binary Source node placed before ours. */
	binary?: INodeParameters;
	binaryDataMode?: BinaryDataMode;
	/** n8n's per-node error setting. */
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	apiKey?: string;
	baseUrl?: string;
	nodeTypes?: NodeTypeMap;
	before?: WorkflowNodeJson;
}

export interface NodeRun {
	result: WorkflowRunResult;
	items: INodeExecutionData[];
	json: IDataObject[];
	error: WorkflowRunResult['error'];
}

export async function startSandbox(options: EmulatorOptionsInput = {}): Promise<Sandbox> {
	const emulator = await startEmulator({ processingDelayMs: Infinity, clipRenderDelayMs: 50, ...options });
	const nodeTypes = { ...(await withOurNodes()), [ITEM_SOURCE_TYPE]: new ItemSource() };
	const credentials = { contentGrooveApi: { apiKey: emulator.apiKey, baseUrl: emulator.url } };

	async function run(parameters: INodeParameters, runOptions: RunOptions = {}): Promise<NodeRun> {
		const nodes: WorkflowNodeJson[] = [{ name: 'Start', type: MANUAL_TRIGGER_TYPE, parameters: {} }];
		if (runOptions.items) {
			nodes.push({ name: 'Items', type: ITEM_SOURCE_TYPE, parameters: { items: JSON.stringify(runOptions.items) } });
		}
		if (runOptions.binary) {
			nodes.push({ name: 'File', type: BINARY_SOURCE_TYPE, parameters: runOptions.binary });
		}
		if (runOptions.before) nodes.push(runOptions.before);
		nodes.push({
			name: NODE_NAME,
			type: CONTENTGROOVE_TYPE,
			parameters,
			credentials: { contentGrooveApi: { id: '1', name: 'ContentGroove account' } },
			onError: runOptions.onError,
		});
		const result = await runWorkflow({
			nodes,
			nodeTypes: { ...nodeTypes, ...runOptions.nodeTypes },
			binaryDataMode: runOptions.binaryDataMode,
			credentials: {
				contentGrooveApi: {
					apiKey: runOptions.apiKey ?? emulator.apiKey,
					baseUrl: runOptions.baseUrl ?? emulator.url,
				},
			},
		});
		const items = result.outputOf(NODE_NAME);
		return { result, items, json: items.map((item) => item.json), error: result.errorOf(NODE_NAME) ?? result.error };
	}

	return { emulator, nodeTypes, credentials, run, close: () => emulator.close() };
}

/** A media created straight through the API (not through our node), for tests that need one. */
export async function createMediaDirectly(
	emulator: Emulator,
	attributes: IDataObject = { source_url: 'https://example.com/video.mp4', name: 'Fixture media' },
): Promise<string> {
	const response = await fetch(`${emulator.url}/api/v1/medias`, {
		method: 'POST',
		headers: { Authorization: `Bearer ${emulator.apiKey}`, 'Content-Type': 'application/json' },
		body: JSON.stringify({ data: { attributes } }),
	});
	const document = (await response.json()) as { data: { id: string } };
	return document.data.id;
}

/** A processed media with its suggested clips. */
export async function createProcessedMedia(emulator: Emulator, attributes?: IDataObject): Promise<string> {
	const id = await createMediaDirectly(emulator, attributes);
	await emulator.control.finishProcessing(id);
	return id;
}

/** Requests our node sent to the API host (the control API is not logged). */
export async function apiRequests(emulator: Emulator) {
	return (await emulator.control.requests()).filter((request) => request.host === 'api');
}

export const locator = (value: string, mode: 'id' | 'url' | 'list' = 'id') => ({ __rl: true, mode, value });

/**
 * One sandbox for a test file, with the checks every engine test shares: after each test the
 * emulator saw nothing outside the OpenAPI document, and starts clean for the next one.
 */
export function useSandbox(options: EmulatorOptionsInput = {}): Sandbox {
	let current: Sandbox | undefined;
	const started = () => {
		if (!current) throw new Error('The sandbox starts in beforeAll; use it inside a test');
		return current;
	};
	beforeAll(async () => {
		current = await startSandbox(options);
	});
	afterEach(async () => {
		try {
			expect(await started().emulator.control.violations()).toEqual([]);
		} finally {
			// A failing test must not leave its state to the next one.
			await started().emulator.control.reset();
		}
	});
	afterAll(async () => current?.close());
	return {
		get emulator() {
			return started().emulator;
		},
		get nodeTypes() {
			return started().nodeTypes;
		},
		get credentials() {
			return started().credentials;
		},
		run: async (parameters, runOptions) => await started().run(parameters, runOptions),
		close: async () => await started().close(),
	};
}
