#!/usr/bin/env node
// Fails unless a started n8n instance loaded every node and credential that our
// package.json's "n8n" field declares. Reads the type files n8n writes at start
// into <N8N_USER_FOLDER>/.cache/n8n/public/types (what the editor is served),
// so it needs no login. Expected names follow n8n's convention:
// dist/nodes/X/ContentGroove.node.js -> n8n-nodes-contentgroove.contentGroove,
// dist/credentials/ContentGrooveApi.credentials.js -> contentGrooveApi.
//
// Usage: node scripts/check-n8n-loaded.mjs <N8N_USER_FOLDER>
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const home = process.argv[2];
if (!home) {
	console.error('usage: check-n8n-loaded.mjs <N8N_USER_FOLDER>');
	process.exit(2);
}
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
const lowerFirst = (s) => s[0].toLowerCase() + s.slice(1);
const typeName = (file, suffix) => lowerFirst(path.basename(file).replace(suffix, ''));

const expectedNodes = pkg.n8n.nodes.map((f) => `${pkg.name}.${typeName(f, '.node.js')}`);
const expectedCredentials = pkg.n8n.credentials.map((f) => typeName(f, '.credentials.js'));

const typesDir = path.join(home, '.cache/n8n/public/types');
const names = (file) =>
	new Set(JSON.parse(readFileSync(path.join(typesDir, file), 'utf8')).map((t) => t.name));
const loadedNodes = names('nodes.json');
const loadedCredentials = names('credentials.json');

const missing = [
	...expectedNodes.filter((n) => !loadedNodes.has(n)).map((n) => `node type ${n}`),
	...expectedCredentials.filter((c) => !loadedCredentials.has(c)).map((c) => `credential ${c}`),
];
if (missing.length) {
	console.error(`[check-n8n-loaded] ERROR: n8n did not load: ${missing.join(', ')}`);
	console.error(`[check-n8n-loaded] (is ${pkg.name} in ${home}/.n8n/nodes/node_modules? see n8n.log)`);
	process.exit(1);
}
console.error(`[check-n8n-loaded] loaded: ${[...expectedNodes, ...expectedCredentials].join(', ')}`);
