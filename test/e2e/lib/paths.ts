import { execFileSync } from 'node:child_process';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../../..');
/** Where runs write (n8n user folders, the packed tarball): this checkout's .cache/, as scripts/lib/n8n-env.sh. */
const stateDir = path.join(repoRoot, '.cache');

export function scriptPath(name: string): string {
	return path.join(repoRoot, 'scripts', name);
}

/** The N8N_USER_FOLDER of an instance (scripts/lib/n8n-env.sh `n8n_home`). */
export function n8nHome(name: string): string {
	return path.join(stateDir, 'n8n-home', name);
}

/** Where scripts/install-n8n.sh installed n8n (asked from scripts/lib/n8n-env.sh, the one place that knows). */
export function n8nInstallDir(): string {
	const script = `source ${JSON.stringify(scriptPath('lib/n8n-env.sh'))} && echo "$N8N_PREFIX"`;
	return execFileSync('bash', ['-c', script], { encoding: 'utf8' }).trim();
}
