export type HostName = 'api' | 'upload';

export interface LoggedRequest {
	id: number;
	at: string;
	host: HostName;
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	/** As received, secrets included: tests assert what the client really sent. */
	headers: Record<string, string | string[] | undefined>;
	/** null when the connection was reset before a response. */
	status: number | null;
	/** API host: the parsed JSON body (or the raw text when it was not JSON). */
	body?: unknown;
	/** Upload host: body bytes received. */
	bytes?: number;
}

export interface Violation {
	at: string;
	kind: 'request' | 'response' | 'callback';
	method?: string;
	path?: string;
	status?: number;
	message: string;
}

export function queryObject(query: URLSearchParams): Record<string, string | string[]> {
	const result: Record<string, string | string[]> = {};
	for (const key of new Set(query.keys())) {
		const values = query.getAll(key);
		result[key] = values.length === 1 ? values[0] : values;
	}
	return result;
}

/** The request log and the OpenAPI violations, both cleared by reset. */
export class Journal {
	readonly requests: LoggedRequest[] = [];
	readonly violations: Violation[] = [];
	private nextId = 1;

	record(entry: Omit<LoggedRequest, 'id' | 'at' | 'status'>): LoggedRequest {
		const logged: LoggedRequest = { id: this.nextId++, at: new Date().toISOString(), status: null, ...entry };
		this.requests.push(logged);
		return logged;
	}

	violation(kind: Violation['kind'], messages: string[], context: Omit<Violation, 'at' | 'kind' | 'message'> = {}): void {
		for (const message of messages) this.violations.push({ at: new Date().toISOString(), kind, ...context, message });
	}

	clear(): void {
		this.requests.length = 0;
		this.violations.length = 0;
	}
}
