#!/usr/bin/env node
// Tiny HTTP client for the shell scripts, so they need nothing but Node (CI
// images may lack curl).
//   node scripts/lib/http.mjs ok URL              exit 0 if URL answers 2xx
//   node scripts/lib/http.mjs post URL JSON       POST JSON, print the status
const [command, url, body] = process.argv.slice(2);
try {
	if (command === 'ok') {
		const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
		process.exit(response.ok ? 0 : 1);
	} else if (command === 'post') {
		const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
		console.log(response.status);
	} else {
		console.error('usage: http.mjs ok URL | post URL JSON');
		process.exit(2);
	}
} catch {
	process.exit(1);
}
