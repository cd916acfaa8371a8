import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Emulator } from './index';

export interface ApiResponse {
	status: number;
	headers: Headers;
	body: any;
}

/** Calls the emulated API with the Bearer key unless `headers` says otherwise. */
export async function api(
	emulator: Emulator,
	method: string,
	path: string,
	options: { body?: unknown; headers?: Record<string, string>; auth?: boolean } = {},
): Promise<ApiResponse> {
	const headers: Record<string, string> = options.auth === false ? {} : { Authorization: `Bearer ${emulator.apiKey}` };
	if (options.body !== undefined) headers['Content-Type'] = 'application/json';
	const response = await fetch(`${emulator.url}${path}`, {
		method,
		headers: { ...headers, ...options.headers },
		body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
	});
	const text = await response.text();
	return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

export function attributes(values: Record<string, unknown>): { data: { attributes: Record<string, unknown> } } {
	return { data: { attributes: values } };
}

export async function waitFor<T>(probe: () => Promise<T | undefined | false>, timeoutMs = 5000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value) return value;
		if (Date.now() > deadline) throw new Error('waitFor: condition not met in time');
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

export interface ReceivedWebhook {
	path: string;
	headers: IncomingMessage['headers'];
	body: string;
}

/** A local webhook endpoint answering with the given statuses in turn (then 200), after `delayMs`. */
export async function startReceiver(statuses: number[] = [], delayMs = 0): Promise<{ url: string; received: ReceivedWebhook[]; close(): Promise<void> }> {
	const received: ReceivedWebhook[] = [];
	const server: Server = createServer((request, response) => {
		let body = '';
		request.on('data', (chunk) => (body += String(chunk)));
		request.on('end', () => {
			received.push({ path: request.url ?? '', headers: request.headers, body });
			const status = statuses.shift() ?? 200;
			setTimeout(() => response.writeHead(status).end(), delayMs);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		received,
		close: () => new Promise((resolve) => {
			server.close(() => resolve());
			server.closeAllConnections();
		}),
	};
}

export async function createMedia(emulator: Emulator, values: Record<string, unknown> = { source_url: 'https://archive.org/download/SF143/SF143_512kb.mp4' }): Promise<any> {
	const response = await api(emulator, 'POST', '/api/v1/medias', { body: attributes(values) });
	if (response.status !== 200) throw new Error(`createMedia: ${response.status} ${JSON.stringify(response.body)}`);
	return response.body.data;
}

export interface RawResponse {
	status: number;
	headers: IncomingMessage['headers'];
	body: string;
}

/** A request through node:http, for what fetch cannot express (chunked PUTs, exact headers). */
export function rawRequest(
	url: string,
	options: { method: string; headers?: Record<string, string | number>; body?: Buffer; chunked?: boolean },
): Promise<RawResponse> {
	return new Promise((resolve, reject) => {
		const request = httpRequest(url, { method: options.method, headers: options.headers }, (response) => {
			let body = '';
			response.on('data', (chunk) => (body += String(chunk)));
			response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
		});
		request.on('error', reject);
		if (options.chunked && options.body) {
			request.write(options.body.subarray(0, 1));
			request.end(options.body.subarray(1));
		} else {
			request.end(options.body);
		}
	});
}

export async function prepareUpload(emulator: Emulator): Promise<{ uploadId: string; uploadUrl: string }> {
	const response = await api(emulator, 'GET', '/api/v1/direct_uploads');
	return { uploadId: response.body.data.attributes.upload_id, uploadUrl: response.body.data.attributes.upload_url };
}
