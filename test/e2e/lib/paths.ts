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
