import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/** What went wrong, and what the user can do about it, for each status ContentGroove documents. */
const STATUS_HINTS: Record<number, { message: string; description: string }> = {
	400: {
		message: 'ContentGroove could not read the request',
		description: 'Check the values sent by this node; the details below say which part was refused.',
	},
	401: {
		message: 'ContentGroove rejected the API key',
		description:
			'Check the API key in the ContentGroove credential (create a new one at https://app.contentgroove.com/api_keys).',
	},
	402: {
		message: 'Your ContentGroove usage quota is used up',
		description:
			'See your usage at https://app.contentgroove.com/quota_usage and raise your plan, or wait for the next billing period.',
	},
	404: {
		message: 'The requested ContentGroove resource was not found',
		description: 'Check the ID; the resource may have been deleted.',
	},
	422: {
		message: 'ContentGroove refused the values sent',
		description: 'Correct the field named in the details below and run the node again.',
	},
	429: {
		message: 'ContentGroove is rate limiting this account',
		description:
			'The node already waited and retried. Run fewer requests at once (e.g. batch items) or try again later.',
	},
};

const SERVER_ERROR_HINT = {
	message: 'ContentGroove had a problem on its side',
	description: 'This is usually temporary: try again later. If it persists, contact ContentGroove support.',
};

/** Pulls the first human-readable error text out of ContentGroove's JSON:API error bodies. */
export function describeApiErrorBody(body: unknown): string | undefined {
	if (!body || typeof body !== 'object') return typeof body === 'string' && body ? body : undefined;
	const errors = (body as { errors?: unknown }).errors;
	if (!Array.isArray(errors) || errors.length === 0) return undefined;
	return errors
		.map((error: Record<string, unknown>) => {
			const text = error.detail ?? error.message ?? error.title;
			const pointer = (error.source as { pointer?: string } | null)?.pointer;
			return pointer && text ? `${String(text)} (${pointer})` : text;
		})
		.filter((text) => typeof text === 'string' && text.length > 0)
		.join('; ');
}

export function apiErrorFromResponse(
	node: INode,
	status: number,
	body: unknown,
	context: { what: string; itemIndex?: number },
): NodeApiError {
	const hint = STATUS_HINTS[status] ?? (status >= 500 ? SERVER_ERROR_HINT : undefined);
	const detail = describeApiErrorBody(body);
	const message =
		status === 404
			? `${context.what} was not found`
			: `${hint?.message ?? `ContentGroove answered with status ${status}`}${detail ? `: ${detail}` : ''}`;
	// Only the status and the API's own error body go into the error: never request headers.
	return new NodeApiError(node, { status, body: (body ?? null) as JsonObject } as JsonObject, {
		message,
		description: hint?.description ?? 'Check the values sent by this node and try again.',
		httpCode: String(status),
		itemIndex: context.itemIndex,
	});
}

const NETWORK_FAILURES: Record<string, string> = {
	ECONNREFUSED: 'connection refused',
	ECONNRESET: 'connection reset',
	ENOTFOUND: 'host not found',
	EAI_AGAIN: 'host name lookup failed',
	ETIMEDOUT: 'timed out',
	ECONNABORTED: 'timed out',
	EPIPE: 'connection closed',
};

/**
 * Words for a network error code. n8n replaces any message that contains a raw code such as
 * ECONNREFUSED with its generic text, which would lose the host and the advice.
 */
export function describeNetworkFailure(code: string | undefined): string {
	return (code && NETWORK_FAILURES[code]) ?? 'connection failed';
}

export function apiErrorFromNetwork(
	node: INode,
	error: { code?: string; message?: string },
	context: { host: string; itemIndex?: number; mayHaveSucceeded: boolean },
): NodeApiError {
	const reason = describeNetworkFailure(error.code);
	const description = context.mayHaveSucceeded
		? 'The connection broke after the request was sent, so ContentGroove may have acted on it. Check in ContentGroove before running this item again, so nothing is created twice.'
		: `Check the Base URL in the ContentGroove credential and that ${context.host} is reachable from n8n.`;
	return new NodeApiError(node, { networkError: reason } as JsonObject, {
		message: `Could not reach ContentGroove at ${context.host} (${reason})`,
		description,
		itemIndex: context.itemIndex,
	});
}
