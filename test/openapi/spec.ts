import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';

export type HttpMethod = 'get' | 'post' | 'put' | 'delete' | 'patch';

export interface SpecParameter {
	name: string;
	in: string;
	schema?: { enum?: string[] };
}

export interface SpecOperation {
	summary?: string;
	parameters?: SpecParameter[];
	requestBody?: { required?: boolean; content: { 'application/json': { schema: object } } };
	responses: Record<string, { description?: string; content?: { 'application/json': { example?: unknown } } }>;
	callbacks?: Record<string, Record<string, Record<string, { requestBody: { content: { 'application/json': { schema: object } } } }>>>;
}

interface SpecDocument {
	paths: Record<string, Record<string, SpecOperation | SpecParameter[]>>;
}

export interface MatchedOperation {
	template: string;
	method: HttpMethod;
	operation: SpecOperation;
	pathParameters: SpecParameter[];
}

let cached: SpecDocument | undefined;

/** Loaded once per process: every validation call reads the same parsed document. */
export function loadSpec(): SpecDocument {
	cached ??= load(readFileSync(join(__dirname, 'openapi.yaml'), 'utf8')) as SpecDocument;
	return cached;
}

function templateToRegExp(template: string): RegExp {
	const escaped = template.replace(/[.*+?^$()|\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
	return new RegExp(`^${escaped}$`);
}

export function findPathTemplate(path: string): string | undefined {
	return Object.keys(loadSpec().paths).find((template) => templateToRegExp(template).test(path));
}

export function findOperation(method: string, path: string): MatchedOperation | undefined {
	const template = findPathTemplate(path);
	if (!template) return undefined;
	const item = loadSpec().paths[template];
	const lower = method.toLowerCase() as HttpMethod;
	const operation = item[lower] as SpecOperation | undefined;
	if (!operation) return undefined;
	return { template, method: lower, operation, pathParameters: (item.parameters as SpecParameter[]) ?? [] };
}

export function callbackSchema(event: string): object {
	const create = loadSpec().paths['/api/v1/medias'].post as SpecOperation;
	const callback = create.callbacks?.[event];
	if (!callback) throw new Error(`The spec documents no callback named ${event}`);
	const [expression] = Object.values(callback);
	return expression.post.requestBody.content['application/json'].schema;
}
