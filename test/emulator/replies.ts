import { STATUS_CODES } from 'node:http';

/** What a route answers; the server serialises it, validates it against the spec and logs it. */
export interface Reply {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
}

export function ok(body: unknown): Reply {
	return { status: 200, body };
}

export function noContent(): Reply {
	return { status: 204 };
}

export function unauthorized(): Reply {
	return { status: 401, body: { errors: [{ message: 'You need to sign in or sign up before continuing.' }] } };
}

export function notFound(): Reply {
	return { status: 404, body: { errors: [{ detail: null, source: null, status: '404', title: 'Not Found' }] } };
}

export function tooManyRequests(retryAfterSeconds: number): Reply {
	return {
		status: 429,
		headers: { 'Retry-After': String(retryAfterSeconds) },
		body: {
			errors: [
				{
					detail: 'You have exceeded the maximum number of requests in the current window. Please try again later.',
					status: '429',
					title: 'Too Many Requests',
				},
			],
		},
	};
}

export function quotaExceeded(resource: 'medias' | 'clips'): Reply {
	return {
		status: 402,
		body: {
			errors: [
				{
					code: 'exceeded_quota_count',
					detail: `You have exceeded the monthly quota for number of ${resource}. Please visit the Settings / Quota Usage page to see your usage and manage your account.`,
					source: { pointer: '' },
					status: '422',
					title: 'Unprocessable Entity',
				},
			],
		},
	};
}

/** The JSON:API error shape for the cases the spec leaves open (400, 422, injected 5xx…). */
export function jsonApiError(status: number, detail: string, source?: { pointer?: string; parameter?: string }): Reply {
	return {
		status,
		body: { errors: [{ status: String(status), title: STATUS_CODES[status] ?? 'Error', detail, source: source ?? null }] },
	};
}

export function invalidAttribute(attribute: string, detail: string): Reply {
	return jsonApiError(422, detail, { pointer: `/data/attributes/${attribute}` });
}

export function invalidParameter(parameter: string, detail: string): Reply {
	return jsonApiError(400, detail, { parameter });
}

/** A status forced by fault injection: the spec's body when it documents one, JSON:API otherwise. */
export function forcedStatus(status: number, retryAfterSeconds = 1): Reply {
	switch (status) {
		case 401:
			return unauthorized();
		case 402:
			return quotaExceeded('medias');
		case 404:
			return notFound();
		case 429:
			return tooManyRequests(retryAfterSeconds);
		default: {
			const reply = jsonApiError(status, `Injected fault: ${STATUS_CODES[status] ?? status}`);
			if (status === 503) reply.headers = { 'Retry-After': String(retryAfterSeconds) };
			return reply;
		}
	}
}
