import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { validateRequest, validateResponse } from '../openapi/validate';
import { isAuthorized } from './auth';
import type { EmulatorContext } from './context';
import { handleControl } from './control';
import { forcedStatus, jsonApiError, notFound, unauthorized, type Reply } from './replies';
import { queryObject } from './requestLog';
import { clipRoutes } from './routes/clips';
import { directUploadRoutes } from './routes/directUploads';
import { mediaRoutes } from './routes/medias';
import type { ApiRequest, Route } from './routes/types';
import { webhookSubscriptionRoutes } from './routes/webhookSubscriptions';

const ROUTES: Route[] = [...mediaRoutes, ...clipRoutes, ...webhookSubscriptionRoutes, ...directUploadRoutes];
const MAX_JSON_BODY_BYTES = 1024 * 1024;

class BodyTooLarge extends Error {}

async function readText(request: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of request) {
		size += (chunk as Buffer).length;
		if (size > MAX_JSON_BODY_BYTES) throw new BodyTooLarge();
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): { value: unknown } | undefined {
	try {
		return { value: JSON.parse(text) };
	} catch {
		return undefined;
	}
}

function route(context: EmulatorContext, request: ApiRequest): Reply {
	for (const candidate of ROUTES) {
		const match = candidate.pattern.exec(request.path);
		if (match && candidate.method === request.method) {
			return candidate.handler(context, { ...request, params: { ...match.groups } });
		}
	}
	return notFound();
}

function parseRequestBody(request: IncomingMessage, text: string): Reply | { body: unknown } {
	if (request.method !== 'POST' && request.method !== 'PUT') return { body: undefined };
	// The spec: 400 when the body is not parseable JSON or the Content-Type header is missing.
	if (!/^application\/(.+\+)?json\b/i.test(request.headers['content-type'] ?? '')) {
		return jsonApiError(400, 'Content-Type must be application/json');
	}
	if (text === '') return { body: undefined };
	const parsed = parseJson(text);
	return parsed ? { body: parsed.value } : jsonApiError(400, 'The request body is not valid JSON');
}

function send(response: ServerResponse, reply: Reply): void {
	const headers: Record<string, string> = { ...reply.headers };
	if (reply.body === undefined) {
		response.writeHead(reply.status, headers).end();
		return;
	}
	const text = JSON.stringify(reply.body);
	headers['Content-Type'] = 'application/json; charset=utf-8';
	headers['Content-Length'] = String(Buffer.byteLength(text));
	response.writeHead(reply.status, headers).end(text);
}

function delay(context: EmulatorContext, ms: number): Promise<void> {
	return new Promise((resolve) => context.timers.after(ms, resolve));
}

async function handleApi(context: EmulatorContext, request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
	const method = request.method ?? 'GET';
	const path = url.pathname;
	const logged = context.journal.record({ host: 'api', method, path, query: queryObject(url.searchParams), headers: request.headers });
	let text: string;
	try {
		text = await readText(request);
	} catch (error) {
		if (!(error instanceof BodyTooLarge)) return;
		logged.status = 413;
		send(response, jsonApiError(413, `Request bodies are limited to ${MAX_JSON_BODY_BYTES} bytes`));
		return;
	}
	logged.body = text === '' ? undefined : (parseJson(text)?.value ?? text);
	context.journal.violation('request', validateRequest({ method, path, query: url.searchParams, body: text }), { method, path });

	const fault = context.faults.take('api', method, path);
	if (fault?.delayMs) await delay(context, fault.delayMs);
	if (fault?.resetConnection) {
		request.socket.destroy();
		return;
	}
	let reply: Reply;
	if (fault?.status) reply = forcedStatus(fault.status, fault.retryAfter);
	else if (!isAuthorized(request, url.searchParams, context.apiKeys)) reply = unauthorized();
	else {
		const parsed = parseRequestBody(request, text);
		reply = 'status' in parsed
			? parsed
			: route(context, {
					method,
					path,
					params: {},
					query: url.searchParams,
					body: parsed.body,
					baseUrl: `http://${request.headers.host ?? 'localhost'}`,
					rawTarget: request.url ?? path,
				});
	}
	logged.status = reply.status;
	context.journal.violation('response', validateResponse({ method, path, status: reply.status, body: reply.body }), { method, path, status: reply.status });
	send(response, reply);
}

export function createApiServer(context: EmulatorContext): Server {
	return createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://emulator');
		const handled = url.pathname.startsWith('/_emulator/')
			? handleControl(context, request, response, url)
			: handleApi(context, request, response, url);
		handled.catch((error: Error) => {
			if (!response.headersSent) send(response, jsonApiError(500, `Emulator bug: ${error.message}`));
		});
	});
}
