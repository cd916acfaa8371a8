import {
	DEFAULT_RETRY_POLICY,
	isRetryable,
	parseRetryAfter,
	retryDelayMs,
} from '../../../../nodes/ContentGroove/transport/retryPolicy';

describe('isRetryable', () => {
	it('retries 429 and 503 for every request: the server did not act on it', () => {
		for (const idempotent of [true, false]) {
			expect(isRetryable(429, idempotent)).toBe(true);
			expect(isRetryable(503, idempotent)).toBe(true);
		}
	});

	it('retries other server errors and lost connections only for requests safe to repeat', () => {
		for (const status of [500, 502, 504, undefined]) {
			expect(isRetryable(status, true)).toBe(true);
			expect(isRetryable(status, false)).toBe(false);
		}
	});

	it('never retries client errors', () => {
		for (const status of [400, 401, 402, 404, 422]) expect(isRetryable(status, true)).toBe(false);
	});
});

describe('parseRetryAfter', () => {
	const now = Date.parse('2026-12-04T12:00:00Z');

	it('reads delta-seconds', () => {
		expect(parseRetryAfter('7', now)).toBe(7000);
		expect(parseRetryAfter(' 0 ', now)).toBe(0);
		expect(parseRetryAfter('1.5', now)).toBe(1500);
		expect(parseRetryAfter(['3'], now)).toBe(3000);
	});

	it('reads an HTTP date, never negative', () => {
		expect(parseRetryAfter('Fri, 04 Dec 2026 12:00:30 GMT', now)).toBe(30_000);
		expect(parseRetryAfter('Fri, 04 Dec 2026 11:00:00 GMT', now)).toBe(0);
	});

	it('ignores what it cannot read', () => {
		expect(parseRetryAfter(undefined, now)).toBeUndefined();
		expect(parseRetryAfter('soon', now)).toBeUndefined();
		expect(parseRetryAfter('-5', now)).toBeUndefined();
	});
});

describe('retryDelayMs', () => {
	it('honours Retry-After over back-off', () => {
		expect(retryDelayMs(1, 4000, DEFAULT_RETRY_POLICY, () => 0.99)).toBe(4000);
	});

	it('doubles the back-off ceiling per attempt with jitter in its upper half', () => {
		const lowest = [1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, undefined, DEFAULT_RETRY_POLICY, () => 0));
		const highest = [1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, undefined, DEFAULT_RETRY_POLICY, () => 1));
		expect(lowest).toEqual([500, 1000, 2000, 4000]);
		expect(highest).toEqual([1000, 2000, 4000, 8000]);
	});

	it('caps the back-off', () => {
		expect(retryDelayMs(20, undefined, DEFAULT_RETRY_POLICY, () => 1)).toBe(DEFAULT_RETRY_POLICY.maxDelayMs);
	});
});
