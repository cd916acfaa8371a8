#!/usr/bin/env node
// Runs n8n's community package scanner (@n8n/scan-community-package) the way n8n runs it on a
// published package — on the source and on the packed tarball — without publishing anything.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const work = mkdtempSync(path.join(tmpdir(), 'cg-scan-'));
try {
	execFileSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
	execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root, stdio: 'ignore' });
	const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
	execFileSync('tar', ['xzf', path.join(work, tarball), '-C', work]);

	let failed = false;
	for (const [label, dir, patterns] of [
		['source', root, SOURCE_FILE_PATTERNS],
		['packed tarball', path.join(work, 'package'), undefined],
	]) {
		const result = await analyzePackage(dir, patterns);
		console.log(`${label}: ${result.passed ? 'passed' : `FAILED — ${result.message}`}`);
		if (!result.passed) {
			failed = true;
			if (result.details) console.log(result.details);
		}
	}
	process.exitCode = failed ? 1 : 0;
} finally {
	rmSync(work, { recursive: true, force: true });
}
