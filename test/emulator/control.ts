import type { IncomingMessage, ServerResponse } from 'node:http';
import { clipFileInfo } from './clipFile';
import type { EmulatorContext } from './context';
import type { FaultSpec } from './faults';

/** Restores the state of a fresh emulator (keys back to the configured ones). */
export function resetEmulator(context: EmulatorContext): void {
	context.timers.cancelAll();
	context.processing.clear();
	context.webhooks.clear();
	context.faults.clear();
	context.journal.clear();
	context.store.clear();
	context.apiKeys.clear();
	for (const key of context.options.apiKeys) context.apiKeys.add(key);
}

type ControlResult = { status: number; body: unknown };
type ControlHandler = (context: EmulatorContext, match: RegExpExecArray, body: any) => ControlResult;

const found = (body: unknown): ControlResult => ({ status: 200, body });
const missing = (what: string): ControlResult => ({ status: 404, body: { error: `${what} not found` } });

/** Routes under /_emulator/; JSON in and out, no auth, not logged. */
const CONTROL_ROUTES: Array<[string, RegExp, ControlHandler]> = [
	['POST', /^reset$/, (context) => (resetEmulator(context), found({ ok: true }))],
	['POST', /^medias\/([^/]+)\/finish-processing$/, (context, match) =>
		context.processing.finishMedia(match[1]) ? found({ ok: true }) : missing(`media ${match[1]}`)],
	['POST', /^faults$/, (context, _match, body: FaultSpec) => found(context.faults.inject(body))],
	['GET', /^faults$/, (context) => found(context.faults.list())],
	['DELETE', /^faults$/, (context) => (context.faults.clear(), found({ ok: true }))],
	['GET', /^requests$/, (context) => found(context.journal.requests)],
	['GET', /^violations$/, (context) => found(context.journal.violations)],
	['GET', /^deliveries$/, (context) => found(context.webhooks.attempts())],
	['POST', /^deliveries\/([^/]+)\/redeliver$/, (context, match) =>
		context.webhooks.redeliver(match[1]) ? found({ ok: true }) : missing(`delivery ${match[1]}`)],
	['GET', /^subscriptions$/, (context) => found([...context.store.subscriptions.values()])],
	['GET', /^uploads$/, (context) => found([...context.store.blobs.values()])],
	['GET', /^medias$/, (context) => found([...context.store.medias.values()])],
	['GET', /^clips\/([^/]+)\/file$/, (context, match) => {
		const clip = context.store.clips.get(match[1]);
		if (!clip) return missing(`clip ${match[1]}`);
		return clip.rendered ? found(clipFileInfo(clip)) : { status: 409, body: { error: 'clip is still rendering' } };
	}],
	['PUT', /^api-keys$/, (context, _match, body: { apiKeys: string[] }) => {
		context.apiKeys.clear();
		for (const key of body.apiKeys) context.apiKeys.add(key);
		return found({ ok: true });
	}],
];

async function readJson(request: IncomingMessage): Promise<unknown> {
	let text = '';
	for await (const chunk of request) text += String(chunk);
	return text ? JSON.parse(text) : undefined;
}

export async function handleControl(context: EmulatorContext, request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
	const path = url.pathname.slice('/_emulator/'.length);
	let result: ControlResult = missing(`control route ${request.method} ${url.pathname}`);
	try {
		const body = await readJson(request);
		for (const [method, pattern, handler] of CONTROL_ROUTES) {
			const match = pattern.exec(path);
			if (match && method === request.method) {
				result = handler(context, match, body);
				break;
			}
		}
	} catch (error) {
		result = { status: 400, body: { error: (error as Error).message } };
	}
	const text = JSON.stringify(result.body);
	response.writeHead(result.status, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)) }).end(text);
}
