import path from 'node:path';

import type { N8nInstance, RawRun } from './n8n';
import { n8nInstallDir } from './paths';

interface ExecutionSummary {
	id: string;
	workflowId: string;
	mode: string;
	status: string;
}

/** The executions n8n saved for a workflow, newest first (REST, as the editor's list). */
export async function executionsOf(n8n: N8nInstance, workflowId: string): Promise<ExecutionSummary[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const page = await n8n.rest<{ results: ExecutionSummary[] }>('GET', `/executions?filter=${filter}`);
	return page.results;
}

/**
 * One saved execution's run data. n8n stores and serves it in the `flatted` format (JSON with
 * shared references); parse it with n8n's own copy of flatted, the one that wrote it.
 */
export async function runOf(n8n: N8nInstance, executionId: string): Promise<RawRun> {
	const execution = await n8n.rest<{ data: string; status: string }>('GET', `/executions/${executionId}`);
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const flatted = require(path.join(n8nInstallDir(), 'node_modules', 'flatted')) as { parse(text: string): unknown };
	return { data: flatted.parse(execution.data) as RawRun['data'], status: execution.status };
}

/** Polls until `check` returns a value (not undefined) or the time is up. */
export async function eventually<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 60_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}
