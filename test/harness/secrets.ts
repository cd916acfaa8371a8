/**
 * Fails when `secret` occurs in what a user of n8n could see of `value`: its JSON (what n8n
 * stores of items and errors), plus the fields JSON drops from errors — name, message,
 * description, stack — along the whole `cause` chain. A cause's other internals (the HTTP
 * client's request, which must carry the key) are neither stored nor shown, so they are skipped.
 */
export function assertNoSecret(value: unknown, secret: string): void {
	if (!secret) throw new Error('assertNoSecret needs a non-empty secret');
	const seen = new WeakSet<object>();
	// Errors' causes are often circular.
	const rendered = JSON.stringify(value, (_key, nested: unknown) => {
		if (typeof nested !== 'object' || nested === null) return nested;
		if (seen.has(nested)) return '[circular]';
		seen.add(nested);
		return nested instanceof Error ? visibleFieldsOf(nested) : nested;
	});
	const at = rendered?.indexOf(secret) ?? -1;
	if (at !== -1) {
		const context = rendered.slice(Math.max(0, at - 80), at + secret.length + 80).replaceAll(secret, '<SECRET>');
		throw new Error(`The secret leaked into the value: …${context}…`);
	}
}

const SHOWN_ERROR_FIELDS = ['name', 'message', 'description', 'stack'] as const;

function visibleFieldsOf(error: Error): Record<string, unknown> {
	return { ...error, ...shownFieldsOf(error) };
}

function shownFieldsOf(error: Error, depth = 0): Record<string, unknown> {
	const fields: Record<string, unknown> = {};
	for (const key of SHOWN_ERROR_FIELDS) fields[key] = (error as unknown as Record<string, unknown>)[key];
	const { cause } = error as { cause?: unknown };
	if (cause instanceof Error && depth < 10) fields.cause = shownFieldsOf(cause, depth + 1);
	return fields;
}
