import { inspect } from 'node:util';

/**
 * Fails when `secret` occurs anywhere in `value`: JSON, plus what JSON drops — an Error's
 * message, description, stack and cause, and any nested error hidden in an item.
 */
export function assertNoSecret(value: unknown, secret: string): void {
	if (!secret) throw new Error('assertNoSecret needs a non-empty secret');
	const seen = new WeakSet<object>();
	const rendered = [
		// Errors' causes (HTTP clients' requests) are often circular.
		JSON.stringify(value, (_key, nested: unknown) => {
			if (typeof nested !== 'object' || nested === null) return nested;
			if (seen.has(nested)) return '[circular]';
			seen.add(nested);
			return nested instanceof Error ? expandError(nested) : nested;
		}),
		inspect(value, { depth: Infinity, showHidden: false, getters: false }),
	].join('\n');
	const at = rendered.indexOf(secret);
	if (at !== -1) {
		const context = rendered.slice(Math.max(0, at - 80), at + secret.length + 80).replaceAll(secret, '<SECRET>');
		throw new Error(`The secret leaked into the value: …${context}…`);
	}
}

function expandError(error: Error): Record<string, unknown> {
	const expanded: Record<string, unknown> = { ...error };
	for (const key of ['name', 'message', 'description', 'stack', 'cause', 'context'] as const) {
		const field = (error as unknown as Record<string, unknown>)[key];
		if (field !== undefined) expanded[key] = field;
	}
	return expanded;
}
