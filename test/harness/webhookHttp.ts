import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQueryString } from 'node:querystring';

/** The parts of an express Request that n8n's webhook contexts and nodes read. */
export type WebhookRequest = IncomingMessage & {
	body: unknown;
	rawBody: Buffer;
	query: Record<string, unknown>;
	params: Record<string, string>;
};

/** The parts of an express Response a node may use when it answers the request itself. */
export type WebhookResponse = ServerResponse & {
	status(code: number): WebhookResponse;
	send(body?: unknown): WebhookResponse;
	json(body: unknown): WebhookResponse;
};

export class UnparsableBodyError extends Error {}

/**
 * Reads the body the way n8n's webhook server does: `rawBody` always (signature checks need the
 * exact bytes), `body` parsed for JSON, forms and text, `{}` otherwise.
 */
export async function readWebhookRequest(incoming: IncomingMessage): Promise<WebhookRequest> {
	const chunks: Buffer[] = [];
	for await (const chunk of incoming) chunks.push(chunk as Buffer);
	const rawBody = Buffer.concat(chunks);
	const url = new URL(incoming.url ?? '/', 'http://localhost');
	return Object.assign(incoming, {
		rawBody,
		body: parseBody(rawBody, incoming.headers['content-type'] ?? ''),
		query: Object.fromEntries(url.searchParams),
		params: {},
	});
}

function parseBody(rawBody: Buffer, contentType: string): unknown {
	if (rawBody.length === 0) return {};
	const text = rawBody.toString('utf8');
	if (/[/+]json\b/i.test(contentType)) {
		try {
			return JSON.parse(text) as unknown;
		} catch {
			throw new UnparsableBodyError('Failed to parse request body');
		}
	}
	if (/application\/x-www-form-urlencoded/i.test(contentType)) return { ...parseQueryString(text) };
	if (/^text\//i.test(contentType)) return text;
	return {};
}

export function asWebhookResponse(response: ServerResponse): WebhookResponse {
	const adapted = response as WebhookResponse;
	adapted.status = (code) => {
		adapted.statusCode = code;
		return adapted;
	};
	adapted.send = (body) => {
		if (body !== undefined && typeof body !== 'string' && !Buffer.isBuffer(body)) return adapted.json(body);
		adapted.end(body);
		return adapted;
	};
	adapted.json = (body) => {
		if (!adapted.hasHeader('content-type')) adapted.setHeader('content-type', 'application/json; charset=utf-8');
		adapted.end(JSON.stringify(body));
		return adapted;
	};
	return adapted;
}

export function answerJson(response: ServerResponse, statusCode: number, body: unknown): void {
	if (response.headersSent || response.writableEnded) return;
	asWebhookResponse(response).status(statusCode).json(body);
}
