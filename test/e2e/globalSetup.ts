import { execFileSync } from 'node:child_process';

import { scriptPath } from './lib/paths';

/**
 * Once per run: make sure n8n is installed (minutes on the first run, then cached), and build and
 * pack the package once; each test file installs that tarball into its own n8n user folder.
 */
export default function globalSetup(): void {
	const started = Date.now();
	execFileSync('bash', [scriptPath('install-n8n.sh')], { stdio: 'inherit' });
	execFileSync('bash', [scriptPath('pack-into-n8n.sh')], { stdio: 'inherit' });
	process.stderr.write(`[e2e] n8n installed, package built and packed in ${Math.round((Date.now() - started) / 1000)} s\n`);
}
