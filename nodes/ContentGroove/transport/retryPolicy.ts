/**
 * When to retry a ContentGroove request, and how long to wait first. Pure functions, so the timing
 * can be unit-tested without a clock.
 *
 * n8n's node-level "Retry On Fail" ignores Retry-After and is capped at 5 tries / 5 s, so retrying
 * belongs here.
 */

export interface RetryPolicy {
	/** Total attempts, the first included. */
	maxAttempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** A Retry-After longer than this is not waited for: the error tells the user when to retry. */
	maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 5,
	baseDelayMs: 1000,
	maxDelayMs: 30_000,
	maxRetryAfterMs: 120_000,
};

/**
 * 429 and 503 mean the server did not act on the request, so any request may be retried. Other 5xx
 * and network failures may have happened after the server acted: only requests that are safe to
 * repeat (GET, PUT, DELETE) are retried then — never a POST that may already have created something.
 */
export function isRetryable(status: number | undefined, idempotent: boolean): boolean {
	if (status === 429 || status === 503) return true;
	if (!idempotent) return false;
	return status === undefined || status === 500 || status === 502 || status === 504;
}

/** Parses Retry-After (delta-seconds or an HTTP date) into milliseconds, or undefined. */
export function parseRetryAfter(header: unknown, now: number): number | undefined {
	const value = Array.isArray(header) ? header[0] : header;
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	// An HTTP date names its day and month ("Wed, 21 Oct 2015 07:28:00 GMT"); nothing else is one.
	const date = /[a-z]/i.test(text) ? Date.parse(text) : NaN;
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now);
}

/**
 * Milliseconds to wait before attempt `attempt + 1` (attempt counts from 1). Honours Retry-After
 * when the server sent one; otherwise capped exponential back-off with full jitter, so that many
 * workers hitting the same limit do not retry in lockstep.
 */
export function retryDelayMs(
	attempt: number,
	retryAfterMs: number | undefined,
	policy: RetryPolicy = DEFAULT_RETRY_POLICY,
	random: () => number = Math.random,
): number {
	if (retryAfterMs !== undefined) return retryAfterMs;
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
	return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
