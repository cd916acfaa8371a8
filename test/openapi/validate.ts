import Ajv, { type ValidateFunction } from 'ajv';
import { callbackSchema, findOperation, type MatchedOperation } from './spec';
import { compareToExample } from './exampleShape';
import { patchCallbackSchema, strictRequestSchema } from './schemaPatches';

export interface RequestToValidate {
	method: string;
	/** Path without the query string. */
	path: string;
	query?: URLSearchParams | string;
	/** Raw body text; undefined or '' when the request had none. */
	body?: string;
}

export interface ResponseToValidate {
	method: string;
	path: string;
	status: number;
	/** Parsed JSON body, or undefined when the response had none. */
	body?: unknown;
}

const ajv = new Ajv({ strict: false, allErrors: true });
const compiled = new Map<object, ValidateFunction>();

function validatorFor(schema: object): ValidateFunction {
	let validate = compiled.get(schema);
	if (!validate) {
		validate = ajv.compile(schema);
		compiled.set(schema, validate);
	}
	return validate;
}

function describe(method: string, path: string): string {
	return `${method.toUpperCase()} ${path}`;
}

function schemaErrors(validate: ValidateFunction, label: string): string[] {
	return (validate.errors ?? []).map((error) => `${label}${error.instancePath || ''} ${error.message ?? 'is invalid'}${
		error.keyword === 'additionalProperties' ? ` (${String((error.params as { additionalProperty: string }).additionalProperty)})` : ''
	}`);
}

function allowedQueryKey(key: string, value: string, matched: MatchedOperation): string | undefined {
	if (key === 'api_key') return undefined;
	const documented = new Map((matched.operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, p]));
	if (/^filter\[[^\]]+\](\[\])?$/.test(key) && documented.has('filter')) return undefined;
	if ((key === 'page[number]' || key === 'page[size]') && documented.has('page')) {
		return /^[1-9]\d*$/.test(value) ? undefined : `query parameter ${key}=${value} is not a positive integer`;
	}
	if (key === 'sort' && documented.has('sort')) {
		const allowed = documented.get('sort')?.schema?.enum ?? [];
		return allowed.includes(value) ? undefined : `sort=${value} is not one of ${allowed.join(', ')}`;
	}
	return `query parameter ${key} is not documented for this operation`;
}

/** Checks a request the API received against the document; returns human-readable violations. */
export function validateRequest(request: RequestToValidate): string[] {
	const label = describe(request.method, request.path);
	const matched = findOperation(request.method, request.path);
	if (!matched) return [`${label} is not a documented operation`];
	const problems: string[] = [];
	const query = typeof request.query === 'string' || request.query === undefined ? new URLSearchParams(request.query ?? '') : request.query;
	for (const [key, value] of query) {
		const problem = allowedQueryKey(key, value, matched);
		if (problem) problems.push(`${label}: ${problem}`);
	}
	const bodySpec = matched.operation.requestBody;
	const hasBody = request.body !== undefined && request.body !== '';
	if (!bodySpec) {
		if (hasBody) problems.push(`${label}: this operation takes no request body`);
		return problems;
	}
	if (!hasBody) return bodySpec.required ? [...problems, `${label}: the request body is required`] : problems;
	let parsed: unknown;
	try {
		parsed = JSON.parse(request.body as string);
	} catch {
		return [...problems, `${label}: the request body is not valid JSON`];
	}
	const validate = validatorFor(strictRequestSchema(bodySpec.content['application/json'].schema));
	if (!validate(parsed)) problems.push(...schemaErrors(validate, `${label}: body`));
	return problems;
}

function isErrorsBody(body: unknown): boolean {
	const errors = (body as { errors?: unknown } | undefined)?.errors;
	return Array.isArray(errors) && errors.length > 0 && errors.every((e) => typeof e === 'object' && e !== null);
}

/** Checks a response against the status codes and examples the document gives for the operation. */
export function validateResponse(response: ResponseToValidate): string[] {
	const label = `${describe(response.method, response.path)} → ${response.status}`;
	const matched = findOperation(response.method, response.path);
	if (!matched) return [];
	const documented = matched.operation.responses[String(response.status)];
	if (!documented) {
		if (response.status >= 400 && isErrorsBody(response.body)) return [];
		return [`${label}: status ${response.status} is not documented for this operation${response.status >= 400 ? ' and the body has no JSON:API errors array' : ''}`];
	}
	const content = documented.content?.['application/json'];
	if (!content) return response.body === undefined ? [] : [`${label}: the spec documents no body for this status`];
	if (response.body === undefined) return [`${label}: the body is missing`];
	return compareToExample(response.body, content.example).map((problem) => `${label}: ${problem}`);
}

/** Checks a webhook body against the callback schema (with the spec's own defects patched, see schemaPatches). */
export function validateCallback(body: unknown, event = 'media.processing_finished'): string[] {
	const validate = validatorFor(patchCallbackSchema(callbackSchema(event)));
	return validate(body) ? [] : schemaErrors(validate, `callback ${event}: body`);
}
