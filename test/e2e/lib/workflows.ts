import { readFileSync } from 'node:fs';
import path from 'node:path';

/** A workflow of test/e2e/workflows, with its placeholders (`__NAME__`) replaced. */
export function loadWorkflow(file: string, values: Record<string, string> = {}): { id: string; name: string } & object {
	let text = readFileSync(path.join(__dirname, '../workflows', file), 'utf8');
	for (const [name, value] of Object.entries(values)) text = text.split(`__${name}__`).join(value);
	const unreplaced = text.match(/__[A-Z_]+__/);
	if (unreplaced) throw new Error(`${file}: no value for placeholder ${unreplaced[0]}`);
	return JSON.parse(text);
}
