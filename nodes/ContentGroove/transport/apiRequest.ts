import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { apiErrorFromNetwork, apiErrorFromResponse } from './errors';
import { DEFAULT_RETRY_POLICY, isRetryable, parseRetryAfter, retryDelayMs } from './retryPolicy';

export type ContentGrooveContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions;

export const CREDENTIAL_NAME = 'contentGrooveApi';

export interface ApiRequestOptions {
	body?: IDataObject;
	qs?: IDataObject;
	/** Names the object in a 404 message, e.g. "Media 1234". */
	what?: string;
	itemIndex?: number;
	/** Answer undefined instead of failing on 404 (e.g. deleting what may already be gone). */
	notFoundOk?: boolean;
}

interface FullResponse {
	statusCode: number;
	headers: Record<string, unknown>;
	body: unknown;
}

/** The credential's Base URL without a trailing slash; refuses anything that is not http(s). */
export async function getBaseUrl(this: ContentGrooveContext): Promise<string> {
	const credentials = await this.getCredentials<{ baseUrl?: string }>(CREDENTIAL_NAME);
	const raw = String(credentials.baseUrl ?? '').trim();
	let url: URL | undefined;
	try {
		url = new URL(raw);
	} catch {}
	if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
		throw new NodeOperationError(this.getNode(), `The credential's Base URL "${raw}" is not a valid URL`, {
			description: 'Set Base URL in the ContentGroove credential to e.g. https://api.contentgroove.com',
		});
	}
	return url.toString().replace(/\/+$/, '');
}

/**
 * The one way this package calls the ContentGroove API: credential auth, JSON:API bodies, and
 * retries that never replay a request which may already have created something.
 */
export async function apiRequest<T = IDataObject>(
	this: ContentGrooveContext,
	method: IHttpRequestMethods,
	endpoint: string,
	options: ApiRequestOptions = {},
): Promise<T> {
	const baseUrl = await getBaseUrl.call(this);
	const request: IHttpRequestOptions = {
		method,
		url: `${baseUrl}${endpoint}`,
		qs: options.qs,
		headers: { Accept: 'application/json' },
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: 60_000,
	};
	if (options.body !== undefined) {
		request.body = options.body;
		request.headers!['Content-Type'] = 'application/json';
	}
	const idempotent = method !== 'POST' && method !== 'PATCH';
	const policy = DEFAULT_RETRY_POLICY;
	const what = options.what ?? 'The requested ContentGroove resource';

	for (let attempt = 1; ; attempt++) {
		let response: FullResponse;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				CREDENTIAL_NAME,
				{ ...request, headers: { ...request.headers } },
			)) as FullResponse;
		} catch (error) {
			const failure = networkFailure(error);
			// A refused connection or unknown host is a wrong Base URL far more often than a blip:
			// fail at once. Other failures may have reached ContentGroove: only safe requests retry.
			const sent = !neverSent(failure.code);
			if (sent && attempt < policy.maxAttempts && isRetryable(undefined, idempotent)) {
				await sleep(retryDelayMs(attempt, undefined, policy));
				continue;
			}
			throw apiErrorFromNetwork(this.getNode(), failure, {
				host: new URL(baseUrl).host,
				itemIndex: options.itemIndex,
				mayHaveSucceeded: !idempotent && sent,
			});
		}

		const { statusCode: status } = response;
		if (status >= 200 && status < 300) return response.body as T;
		// A DELETE retried after a lost answer finds the object already gone: that is success.
		if (status === 404 && (options.notFoundOk || (method === 'DELETE' && attempt > 1))) return undefined as T;

		if (attempt < policy.maxAttempts && isRetryable(status, idempotent)) {
			const retryAfterMs = parseRetryAfter(response.headers['retry-after'], Date.now());
			if (retryAfterMs === undefined || retryAfterMs <= policy.maxRetryAfterMs) {
				await sleep(retryDelayMs(attempt, retryAfterMs, policy));
				continue;
			}
		}
		throw apiErrorFromResponse(this.getNode(), status, response.body, {
			what,
			itemIndex: options.itemIndex,
		});
	}
}

/** n8n wraps the HTTP client's error; the original (with its `code`) is the cause. */
export function networkFailure(error: unknown): { code?: string; message?: string } {
	const cause = (error as { cause?: unknown })?.cause ?? error;
	const { code, message } = (cause ?? {}) as { code?: string; message?: string };
	return { code, message };
}

function neverSent(code: string | undefined): boolean {
	return code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
}
