import { tmpdir } from 'node:os';
import path from 'node:path';

import { Container } from '@n8n/di';
import { ErrorReporter } from 'n8n-core';
import { Expression } from 'n8n-workflow';

const reportedErrors: unknown[] = [];

/** What n8n-core sent to its error reporter (Sentry in production), for debugging a test. */
export function errorReports(): readonly unknown[] {
	return reportedErrors;
}

let prepared = false;

/** Process-wide settings n8n's CLI would apply at startup. Idempotent. */
export function prepareN8nRuntime(): void {
	if (prepared) return;
	prepared = true;

	// 'legacy' is today's default, but a 'vm' default (isolated-vm, whose native build is skipped
	// here by ignore-scripts) would break every expression — so pin it.
	Expression.setExpressionEngine('legacy');

	// Every node context makes n8n-core's InstanceSettings, which writes <user folder>/.n8n/config
	// when missing. Point it at a fixed folder in tmp (one small file, shared by all runs) rather
	// than the developer's home, with a fixed key so that file always matches.
	process.env.N8N_USER_FOLDER = path.join(tmpdir(), 'cg-harness-n8n-user');
	process.env.N8N_ENCRYPTION_KEY = 'cg-harness-encryption-key';

	// Without Sentry the reporter logs every node error with its stack; the harness already
	// returns those errors, so keep them for inspection instead of flooding test output.
	Object.assign(Container.get(ErrorReporter), {
		report: (error: unknown) => void reportedErrors.push(error),
	});
}
