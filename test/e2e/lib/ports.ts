import { createServer } from 'node:net';

function tryListen(port: number): Promise<number | undefined> {
	return new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(undefined));
		server.listen(port, '127.0.0.1', () => {
			const { port: bound } = server.address() as { port: number };
			server.close(() => resolve(bound));
		});
	});
}

/**
 * A free port P for n8n whose neighbour P+1 (n8n's task runner broker, see scripts/lib/n8n-env.sh)
 * is free too. The machine is shared: never assume 5678.
 */
export async function freePortPair(): Promise<number> {
	for (let attempt = 0; attempt < 20; attempt++) {
		const port = await tryListen(0);
		if (port && port < 65535 && (await tryListen(port + 1))) return port;
	}
	throw new Error('no two free neighbouring ports found');
}
