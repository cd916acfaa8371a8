import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the gateway does with one request it is sent. */
export type GatewayStep =
	/** n8n is unreachable behind it: answer this status without forwarding (like a reverse proxy's 502). */
	| { answer: number }
	/** Forward to n8n, but hold n8n's answer back this long (a slow network, a busy proxy). */
	| { forwardThenHoldMs: number };

export interface GatewayRecord {
	path: string;
	forwarded: boolean;
	/** What the gateway answered, or null when the caller had hung up first. */
	answered: number | null;
}

/**
 * The public address ContentGroove calls (n8n's WEBHOOK_URL), in front of the harness's server:
 * lets a test make ContentGroove's first attempts fail or time out, so that the emulator itself
 * retries — with real duplicates when an attempt reached n8n but its answer did not come back.
 */
export interface Gateway {
	url: string;
	/** Where requests are forwarded: the harness's own server (`await harness.start()`). */
	target?: string;
	/** The next requests are handled by these steps in turn; later ones are forwarded as they are. */
	plan(...steps: GatewayStep[]): void;
	readonly log: readonly GatewayRecord[];
	close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

export async function startGateway(): Promise<Gateway> {
	const steps: GatewayStep[] = [];
	const log: GatewayRecord[] = [];
	const gateway: Gateway = {
		url: '',
		plan: (...next) => void steps.push(...next),
		log,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
	const server = createServer((request, response) => {
		void (async () => {
			const body = await readBody(request);
			const step = steps.shift();
			const record: GatewayRecord = { path: request.url ?? '/', forwarded: false, answered: null };
			log.push(record);
			if (step && 'answer' in step) {
				record.answered = step.answer;
				response.writeHead(step.answer, { 'Content-Type': 'text/plain' }).end('n8n is not reachable');
				return;
			}
			record.forwarded = true;
			const upstream = await fetch(`${gateway.target!}${request.url ?? '/'}`, {
				method: request.method,
				headers: { 'Content-Type': request.headers['content-type'] ?? 'application/octet-stream' },
				body: request.method === 'GET' || request.method === 'HEAD' ? undefined : body,
			});
			const answer = Buffer.from(await upstream.arrayBuffer());
			if (step) await sleep(step.forwardThenHoldMs);
			if (response.socket?.destroyed ?? true) return;
			record.answered = upstream.status;
			response
				.writeHead(upstream.status, { 'Content-Type': upstream.headers.get('content-type') ?? 'application/json' })
				.end(answer);
		})().catch(() => response.destroy());
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	gateway.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return gateway;
}
