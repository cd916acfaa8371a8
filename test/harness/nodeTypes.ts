import { existsSync } from 'node:fs';
import path from 'node:path';

import {
	NodeHelpers,
	UnexpectedError,
	type IExecuteFunctions,
	type INodeType,
	type INodeTypes,
	type IVersionedNodeType,
} from 'n8n-workflow';

import type { ThrownErrors } from './runResult';
import { BinarySource } from './testNodes/BinarySource.node';
import { HttpProbe } from './testNodes/HttpProbe.node';
import { ManualTrigger } from './testNodes/ManualTrigger.node';
import { WebhookProbeTrigger } from './testNodes/WebhookProbeTrigger.node';

/** Node type name → node, keyed the way n8n names types in saved workflows. */
export type NodeTypeMap = Record<string, INodeType | IVersionedNodeType>;

export const MANUAL_TRIGGER_TYPE = 'n8n-nodes-base.manualTrigger';
export const BINARY_SOURCE_TYPE = 'test.binarySource';
export const HTTP_PROBE_TYPE = 'test.httpProbe';
export const WEBHOOK_PROBE_TRIGGER_TYPE = 'test.webhookProbeTrigger';
// A community package's nodes are named `<package name>.<description.name>`.
export const CONTENTGROOVE_TYPE = 'n8n-nodes-contentgroove.contentGroove';
export const CONTENTGROOVE_TRIGGER_TYPE = 'n8n-nodes-contentgroove.contentGrooveTrigger';

export function builtInNodeTypes(): NodeTypeMap {
	return {
		[MANUAL_TRIGGER_TYPE]: new ManualTrigger(),
		[BINARY_SOURCE_TYPE]: new BinarySource(),
		[HTTP_PROBE_TYPE]: new HttpProbe(),
		[WEBHOOK_PROBE_TRIGGER_TYPE]: new WebhookProbeTrigger(),
	};
}

/**
 * The registry n8n-core resolves `node.type` through. Given `thrown`, every `execute` is wrapped
 * to record what it throws (see ThrownErrors for why).
 */
export function createNodeTypes(extra: NodeTypeMap = {}, thrown?: ThrownErrors): INodeTypes {
	const all: NodeTypeMap = { ...builtInNodeTypes(), ...extra };
	const get = (type: string) => {
		const nodeType = all[type];
		if (!nodeType) throw new UnexpectedError(`Unknown node type "${type}" in the test harness`);
		return nodeType;
	};
	return {
		getByName: get,
		getByNameAndVersion: (type, version) => {
			const nodeType = NodeHelpers.getVersionedNodeType(get(type), version);
			return thrown ? recordingErrors(nodeType, thrown) : nodeType;
		},
		getKnownTypes: () => ({}),
	};
}

function recordingErrors(nodeType: INodeType, thrown: ThrownErrors): INodeType {
	const { execute } = nodeType;
	if (!execute) return nodeType;
	const wrapped: INodeType = Object.create(nodeType) as INodeType;
	wrapped.execute = async function (this: IExecuteFunctions) {
		try {
			return await execute.call(this);
		} catch (error) {
			thrown.record(this.getExecutionId(), this.getNode().name, error);
			throw error;
		}
	};
	return wrapped;
}

const repoRoot = path.resolve(__dirname, '../..');

function instantiateNodeClass(relativePath: string): INodeType | IVersionedNodeType {
	// Loaded at run time because these files are written concurrently with the harness.
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const exported = require(path.join(repoRoot, relativePath)) as Record<string, unknown>;
	for (const candidate of Object.values(exported)) {
		if (typeof candidate !== 'function') continue;
		const instance = new (candidate as new () => INodeType | IVersionedNodeType)();
		if (instance.description) return instance;
	}
	throw new UnexpectedError(`${relativePath} exports no node class`);
}

/** Our package's nodes under the names n8n gives them; the trigger only once it exists. */
export async function withOurNodes(): Promise<NodeTypeMap> {
	const nodes: NodeTypeMap = {
		[CONTENTGROOVE_TYPE]: instantiateNodeClass('nodes/ContentGroove/ContentGroove.node.ts'),
	};
	const triggerPath = 'nodes/ContentGrooveTrigger/ContentGrooveTrigger.node.ts';
	if (existsSync(path.join(repoRoot, triggerPath))) {
		nodes[CONTENTGROOVE_TRIGGER_TYPE] = instantiateNodeClass(triggerPath);
	}
	return nodes;
}
