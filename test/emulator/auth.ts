import type { IncomingMessage } from 'node:http';

/** The three ways the spec lets a client send its key; any one carrying a known key is enough. */
export function presentedKeys(request: IncomingMessage, query: URLSearchParams): string[] {
	const keys: string[] = [];
	const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '');
	if (bearer) keys.push(bearer[1].trim());
	const header = request.headers['x-api-key'];
	if (typeof header === 'string') keys.push(header.trim());
	const param = query.get('api_key');
	if (param) keys.push(param);
	return keys;
}

export function isAuthorized(request: IncomingMessage, query: URLSearchParams, apiKeys: Set<string>): boolean {
	return presentedKeys(request, query).some((key) => apiKeys.has(key));
}

/** What the upload host refuses, since a presigned URL must be the only credential (as on S3). */
export function carriesApiCredentials(request: IncomingMessage, query: URLSearchParams): string | undefined {
	if (request.headers.authorization !== undefined) return 'Authorization';
	if (request.headers['x-api-key'] !== undefined) return 'X-API-KEY';
	if (query.has('api_key')) return 'api_key';
	return undefined;
}
