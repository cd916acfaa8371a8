import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
	method: string;
	url: string;
	headers: IncomingHttpHeaders;
	body: string;
}

export interface LocalServer {
	url: string;
	requests: RecordedRequest[];
	close(): Promise<void>;
}

export type LocalHandler = (request: RecordedRequest, response: ServerResponse) => void;

const answerOk: LocalHandler = (_request, response) => {
	response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
};

/** A throw-away HTTP server on 127.0.0.1 that records what it was sent. */
export async function startLocalServer(handler: LocalHandler = answerOk): Promise<LocalServer> {
	const requests: RecordedRequest[] = [];
	const server = createServer((incoming: IncomingMessage, response) => {
		const chunks: Buffer[] = [];
		incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
		incoming.on('end', () => {
			const request = {
				method: incoming.method ?? 'GET',
				url: incoming.url ?? '/',
				headers: incoming.headers,
				body: Buffer.concat(chunks).toString('utf8'),
			};
			requests.push(request);
			handler(request, response);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
		},
	};
}
