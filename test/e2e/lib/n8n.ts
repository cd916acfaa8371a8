import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

import { freePortPair } from './ports';
import { n8nHome, scriptPath } from './paths';

const execFileAsync = promisify(execFile);

export const OWNER = { email: 'owner@example.com', password: 'E2e-Owner-Passw0rd', firstName: 'E2E', lastName: 'Owner' };

/** Credential id the workflows in test/e2e/workflows refer to. */
export const CREDENTIAL_ID = 'CgE2eCredential1';
export const CREDENTIAL_NAME = 'ContentGroove E2E';

/**
 * One real n8n instance (own user folder, port, database, log), driven through the scripts a
 * developer uses: scripts/start-n8n.sh for the server, scripts/n8n-cli.sh for CLI commands.
 * Everything is asynchronous on purpose: the emulator runs in this same process and must keep
 * answering n8n while we wait.
 */
export class N8nInstance {
	private server?: ChildProcess;
	private cookie?: string;
	readonly home: string;

	private constructor(
		readonly name: string,
		readonly port: number,
	) {
		this.home = n8nHome(name);
	}

	/** A fresh user folder with the packed package installed (the tarball from globalSetup). */
	static async create(name: string): Promise<N8nInstance> {
		const instance = new N8nInstance(name, await freePortPair());
		rmSync(instance.home, { recursive: true, force: true });
		mkdirSync(instance.home, { recursive: true });
		// The CLI wrapper reads the port from here, so CLI and server agree on webhook URLs.
		writeFileSync(path.join(instance.home, 'port'), String(instance.port));
		await execFileAsync('bash', [scriptPath('pack-into-n8n.sh'), name, '--reuse-tarball']);
		return instance;
	}

	get url(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	get logFile(): string {
		return path.join(this.home, 'n8n.log');
	}

	get cliLogFile(): string {
		return path.join(this.home, 'cli.log');
	}

	/** Everything this instance logged: the server's log and the CLI commands' output. */
	log(): string {
		return [this.logFile, this.cliLogFile]
			.filter((file) => existsSync(file))
			.map((file) => readFileSync(file, 'utf8'))
			.join('\n');
	}

	/** Starts the server; resolves once start-n8n.sh saw /healthz and checked our types are loaded. */
	async start(extraEnv: Record<string, string> = {}): Promise<{ seconds: number }> {
		if (this.server) throw new Error('n8n already started');
		const started = Date.now();
		const child = spawn('bash', [scriptPath('start-n8n.sh'), '--name', this.name, '--port', String(this.port), '--no-pack'], {
			env: { ...process.env, ...extraEnv },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		this.server = child;
		let stderr = '';
		child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		await new Promise<void>((resolve, reject) => {
			let stdout = '';
			child.stdout!.on('data', (chunk: Buffer) => {
				stdout += chunk.toString();
				if (stdout.includes('n8n ready:')) resolve();
			});
			child.once('exit', (code) => {
				this.server = undefined;
				reject(new Error(`start-n8n.sh exited (${code}) before n8n was ready:\n${stderr.slice(-3000)}`));
			});
		});
		this.cookie = undefined;
		return { seconds: (Date.now() - started) / 1000 };
	}

	/**
	 * Stops the server: SIGTERM to start-n8n.sh only, which passes it on to n8n and waits for a clean
	 * shutdown. Not to the whole group: n8n takes a second SIGTERM as "exit now", and the next start
	 * then reports "Last session crashed".
	 */
	async stop(): Promise<void> {
		const child = this.server;
		if (!child?.pid) return;
		this.server = undefined;
		const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
		try {
			process.kill(child.pid, 'SIGTERM');
		} catch {
			return; // already gone
		}
		await exited;
	}

	get running(): boolean {
		return this.server !== undefined;
	}

	/**
	 * An n8n CLI command against this instance's database (scripts/n8n-cli.sh). Its output (run
	 * data included) is kept in cli.log, which the API-key check reads along with n8n.log.
	 */
	async cli(...args: string[]): Promise<string> {
		const keep = (stdout = '', stderr = ''): void =>
			appendFileSync(this.cliLogFile, `$ n8n ${args.join(' ')}\n${stdout}${stderr}\n`);
		try {
			const { stdout, stderr } = await execFileAsync('bash', [scriptPath('n8n-cli.sh'), this.name, ...args], {
				maxBuffer: 64 * 1024 * 1024,
			});
			keep(stdout, stderr);
			return stdout;
		} catch (error) {
			const { stdout, stderr } = error as { stdout?: string; stderr?: string };
			keep(stdout, stderr);
			throw new Error(`n8n ${args.join(' ')} failed:\n${(stderr ?? '').slice(-3000)}\n${(stdout ?? '').slice(-3000)}`);
		}
	}

	/** Imports the ContentGroove credential (plain data; n8n encrypts it on import). */
	async importCredential(data: { apiKey: string; baseUrl: string }): Promise<void> {
		const file = path.join(this.home, 'credential.import.json');
		writeFileSync(file, JSON.stringify([{ id: CREDENTIAL_ID, name: CREDENTIAL_NAME, type: 'contentGrooveApi', data }]));
		try {
			await this.cli('import:credentials', `--input=${file}`);
		} finally {
			rmSync(file, { force: true }); // holds the API key in clear
		}
	}

	async importWorkflow(workflow: object): Promise<void> {
		const file = path.join(this.home, 'workflow.import.json');
		writeFileSync(file, JSON.stringify(workflow));
		await this.cli('import:workflow', `--input=${file}`);
	}

	/** Runs a saved workflow with `n8n execute --rawOutput`; returns its run data per node name. */
	async execute(workflowId: string): Promise<ExecutionResult> {
		const stdout = await this.cli('execute', `--id=${workflowId}`, '--rawOutput');
		// --rawOutput pretty-prints the IRun as JSON, from a line "{" to a line "}"; n8n's log lines
		// (stdout too) may come before or after it.
		const lines = stdout.split('\n');
		const first = lines.indexOf('{');
		const last = lines.indexOf('}', first);
		if (first < 0 || last < 0) throw new Error(`no run data in the output of n8n execute:\n${stdout.slice(-3000)}`);
		return new ExecutionResult(JSON.parse(lines.slice(first, last + 1).join('\n')));
	}

	/** Where n8n keeps a binary of an execution in filesystem mode (N8N_DEFAULT_BINARY_DATA_MODE). */
	binaryFile(binary: BinaryMeta): string {
		const [mode, fileId] = (binary.id ?? '').split(/:(.*)/s);
		if (!mode.startsWith('filesystem') || !fileId) throw new Error(`not a filesystem binary: ${JSON.stringify(binary)}`);
		return path.join(this.home, '.n8n', 'storage', fileId);
	}

	/** Sets up the owner account once (REST, as the editor's setup page does). */
	async setupOwner(): Promise<void> {
		const response = await fetch(`${this.url}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(OWNER),
		});
		if (!response.ok) throw new Error(`owner setup failed (${response.status}): ${await response.text()}`);
	}

	/** A REST call as the owner; returns the response's `data`. */
	async rest<T = unknown>(method: string, endpoint: string, body?: unknown): Promise<T> {
		return ((await this.fetchAsOwner(method, `/rest${endpoint}`, body)) as { data: T }).data;
	}

	/** Any request as the owner (logs in on first use; the cookie lives until the next start). */
	async fetchAsOwner(method: string, urlPath: string, body?: unknown): Promise<unknown> {
		if (!this.cookie) {
			const login = await fetch(`${this.url}/rest/login`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', 'browser-id': 'e2e' },
				body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
			});
			if (!login.ok) throw new Error(`login failed (${login.status}): ${await login.text()}`);
			this.cookie = login.headers
				.getSetCookie()
				.map((cookie) => cookie.split(';')[0])
				.join('; ');
		}
		const response = await fetch(`${this.url}${urlPath}`, {
			method,
			headers: { 'Content-Type': 'application/json', cookie: this.cookie, 'browser-id': 'e2e' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} ${urlPath} failed (${response.status}): ${text}`);
		return JSON.parse(text);
	}
}

interface NodeRun {
	data?: { main: Array<Array<{ json: Record<string, unknown>; binary?: Record<string, BinaryMeta> }> | null> };
	error?: { message: string; description?: string };
}
export interface BinaryMeta {
	fileName?: string;
	mimeType?: string;
	fileSize?: string;
	id?: string;
	data?: string;
}
export interface RawRun {
	data: { resultData: { runData: Record<string, NodeRun[]>; error?: { message: string } } };
	status?: string;
}

/** The output of one workflow run, by node name. */
export class ExecutionResult {
	constructor(readonly raw: RawRun) {}

	get error(): { message: string } | undefined {
		return this.raw.data.resultData.error;
	}

	/** The items a node sent to its first output (last run of the node). */
	items(nodeName: string): Array<{ json: Record<string, unknown>; binary?: Record<string, BinaryMeta> }> {
		const runs = this.raw.data.resultData.runData[nodeName];
		if (!runs?.length) throw new Error(`node "${nodeName}" did not run; ran: ${Object.keys(this.raw.data.resultData.runData).join(', ')}`);
		const run = runs[runs.length - 1];
		if (run.error) throw new Error(`node "${nodeName}" failed: ${run.error.message} ${run.error.description ?? ''}`);
		return run.data?.main[0] ?? [];
	}

	json(nodeName: string): Array<Record<string, unknown>> {
		return this.items(nodeName).map((item) => item.json);
	}
}
