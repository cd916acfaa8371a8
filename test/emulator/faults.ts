import type { HostName } from './requestLog';

export interface FaultSpec {
	/** Default 'api'. */
	host?: HostName;
	method?: string;
	/** Regular expression (source text) tested against the path, query excluded. */
	path: string;
	status?: number;
	/** Seconds, for 429/503. Default 1. */
	retryAfter?: number;
	/** Destroy the socket instead of answering. */
	resetConnection?: boolean;
	/** Upload host: destroy the socket after this many body bytes. */
	resetAfterBytes?: number;
	/** Wait before handling (or before the fault's own effect). */
	delayMs?: number;
	/** How many matching requests the fault applies to. Default 1. */
	times?: number;
}

export interface Fault extends FaultSpec {
	id: number;
	remaining: number;
}

/** Faults applied to the next matching requests, in the order they were injected. */
export class FaultInjector {
	private faults: Fault[] = [];
	private nextId = 1;

	inject(spec: FaultSpec): Fault {
		new RegExp(spec.path); // fail at injection time, not at the next request
		const fault: Fault = { ...spec, id: this.nextId++, remaining: spec.times ?? 1 };
		this.faults.push(fault);
		return fault;
	}

	/** Consumes one use of the first fault matching the request. */
	take(host: HostName, method: string, path: string): Fault | undefined {
		const fault = this.faults.find(
			(f) => (f.host ?? 'api') === host && (!f.method || f.method.toUpperCase() === method.toUpperCase()) && new RegExp(f.path).test(path),
		);
		if (!fault) return undefined;
		fault.remaining -= 1;
		if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
		return fault;
	}

	list(): Fault[] {
		return [...this.faults];
	}

	clear(): void {
		this.faults = [];
	}
}
