import { request } from 'node:http';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startEmulator, type Emulator, type EmulatorOptionsInput } from '../../emulator';
import type { DeliveryAttempt } from '../../emulator/client';
import type { WebhookSubscription } from '../../emulator/store';
import { waitFor } from '../../emulator/testSupport';
import {
	CONTENTGROOVE_TRIGGER_TYPE,
	TriggerHarness,
	withOurNodes,
	type NodeTypeMap,
	type TriggerHarnessOptions,
	type WorkflowNodeJson,
} from '../../harness';
import { createMediaDirectly } from '../sandbox';

export const TRIGGER_NAME = 'ContentGroove Trigger';
export const SECRET_PARAMETER = 'cg_secret';
export const PROCESSING_FINISHED = 'media.processing_finished';

export interface TriggerSetup {
	/** The trigger's parameters (events, simplify, options); n8n's defaults otherwise. */
	parameters?: INodeParameters;
	/** n8n's WEBHOOK_URL; the harness's own server when left out. */
	webhookBaseUrl?: string;
	/** The node's webhookId: two harnesses with the same one and base URL share a webhook URL. */
	webhookId?: string;
	/** The credential's Base URL; the emulator's when left out. */
	baseUrl?: string;
}

/** A trigger workflow as n8n has saved it; `node` is the saved node, editable by `editParameters`. */
export interface TriggerUnderTest {
	harness: TriggerHarness;
	node: WorkflowNodeJson;
	/** What the harness was given; see `changeWebhookBaseUrl`. */
	options: TriggerHarnessOptions;
}

export interface TriggerSandbox {
	emulator(): Emulator;
	/** A new workflow holding one ContentGroove Trigger (closed after the test). */
	trigger(setup?: TriggerSetup): TriggerUnderTest;
}

/**
 * One emulator per test file, like the action node's tests: every test ends with no OpenAPI
 * violation (our requests, the emulator's answers and its webhook bodies), then a fresh state.
 */
export function useTriggerSandbox(options: EmulatorOptionsInput = {}): TriggerSandbox {
	let emulator: Emulator | undefined;
	let nodeTypes: NodeTypeMap = {};
	const harnesses: TriggerHarness[] = [];
	beforeAll(async () => {
		emulator = await startEmulator({
			processingDelayMs: Infinity,
			clipRenderDelayMs: 20,
			...options,
			webhookRetry: { attempts: 4, baseDelayMs: 25, ...options.webhookRetry },
		});
		nodeTypes = await withOurNodes();
	});
	afterEach(async () => {
		try {
			expect(await emulator!.control.violations()).toEqual([]);
		} finally {
			await emulator!.control.reset();
			for (const harness of harnesses.splice(0)) await harness.close();
		}
	});
	afterAll(async () => emulator?.close());

	return {
		emulator: () => emulator!,
		trigger(setup: TriggerSetup = {}): TriggerUnderTest {
			const node: WorkflowNodeJson = {
				name: TRIGGER_NAME,
				type: CONTENTGROOVE_TRIGGER_TYPE,
				parameters: { ...setup.parameters },
				credentials: { contentGrooveApi: { id: '1', name: 'ContentGroove account' } },
				...(setup.webhookId && { webhookId: setup.webhookId }),
			};
			const options: TriggerHarnessOptions = {
				workflow: { nodes: [node] },
				nodeTypes,
				credentials: { contentGrooveApi: { apiKey: emulator!.apiKey, baseUrl: setup.baseUrl ?? emulator!.url } },
				webhookBaseUrl: setup.webhookBaseUrl,
			};
			const harness = new TriggerHarness(options);
			harnesses.push(harness);
			return { harness, node, options };
		},
	};
}

/**
 * The user edits the trigger's parameters in the saved workflow. The harness keeps the node's
 * `parameters` object as given (it copies nodes shallowly), so every later load sees the edit;
 * tests that rely on this assert the new parameters took effect at ContentGroove.
 */
export function editParameters(node: WorkflowNodeJson, changes: INodeParameters): void {
	Object.assign(node.parameters, changes);
}

/**
 * n8n is configured with another WEBHOOK_URL (e.g. a new tunnel) for its next start. The harness
 * reads its options when it builds a URL, so the change applies from then on; tests that rely on
 * this assert that `webhookUrl()` changed.
 */
export function changeWebhookBaseUrl(trigger: TriggerUnderTest, webhookBaseUrl: string): void {
	trigger.options.webhookBaseUrl = webhookBaseUrl;
}

/** What the trigger keeps in the workflow's static data, as n8n last saved it. */
export function triggerStaticData(harness: TriggerHarness): { subscriptionId?: string; secret?: string; recentDeliveries?: string[] } {
	return (harness.staticData()[`node:${TRIGGER_NAME}`] ?? {}) as IDataObject;
}

export function secretOf(url: string): string | null {
	return new URL(url).searchParams.get(SECRET_PARAMETER);
}

export function withoutQuery(url: string): string {
	const parsed = new URL(url);
	return `${parsed.origin}${parsed.pathname}`;
}

/** The subscriptions ContentGroove holds for a webhook URL (whatever their secret). */
export async function subscriptionsFor(emulator: Emulator, webhookUrl: string): Promise<WebhookSubscription[]> {
	return (await emulator.control.subscriptions()).filter((subscription) => withoutQuery(subscription.url) === webhookUrl);
}

/** A POST to a webhook URL as ContentGroove makes it, with `secret` as `cg_secret` unless null. */
export async function postDelivery(
	webhookUrl: string,
	body: unknown,
	secret: string | null,
): Promise<{ status: number; body: unknown }> {
	const url = new URL(webhookUrl);
	if (secret !== null) url.searchParams.set(SECRET_PARAMETER, secret);
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: typeof body === 'string' ? body : JSON.stringify(body),
	});
	const text = await response.text();
	return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/** A media created through the API and processed now: the emulator then delivers the webhook. */
export async function processMedia(emulator: Emulator, attributes?: IDataObject): Promise<string> {
	const id = await createMediaDirectly(emulator, attributes);
	await emulator.control.finishProcessing(id);
	return id;
}

/** Waits until the emulator's delivery log satisfies `done`, and returns the log. */
export async function waitForAttempts(
	emulator: Emulator,
	done: (attempts: DeliveryAttempt[]) => boolean,
	timeoutMs = 5000,
): Promise<DeliveryAttempt[]> {
	return await waitFor(async () => {
		const attempts = await emulator.control.deliveries();
		return done(attempts) && attempts;
	}, timeoutMs);
}

/** Fails if the harness records more than `count` executions within `ms` (the node answers first, then runs). */
export async function expectExecutionsToStayAt(harness: TriggerHarness, count: number, ms = 300): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, ms));
	expect(harness.executions()).toHaveLength(count);
}

/**
 * A delivery whose body reaches n8n only when `finish()` is called: n8n has started handling it
 * (loaded the workflow and its static data) but not yet run the node — the window in which a
 * second copy can overlap it.
 */
export function startSlowDelivery(webhookUrl: string, body: unknown, secret: string): { finish(): Promise<number> } {
	const url = new URL(webhookUrl);
	url.searchParams.set(SECRET_PARAMETER, secret);
	const text = JSON.stringify(body);
	let answered: (status: number) => void = () => undefined;
	const status = new Promise<number>((resolve) => (answered = resolve));
	const pending = request(
		url,
		{ method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) } },
		(response) => {
			response.resume();
			response.on('end', () => answered(response.statusCode ?? 0));
		},
	);
	pending.flushHeaders();
	pending.write(text.slice(0, 1));
	return {
		finish: async () => {
			pending.end(text.slice(1));
			return await status;
		},
	};
}
