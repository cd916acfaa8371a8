import type { EmulatorContext } from '../context';
import type { PageRequest } from '../pagination';
import type { Reply } from '../replies';

export interface ApiRequest extends PageRequest {
	method: string;
	params: Record<string, string>;
	/** Parsed JSON body; undefined when there was none. */
	body: unknown;
}

export type Handler = (context: EmulatorContext, request: ApiRequest) => Reply;

export interface Route {
	method: string;
	/** Named groups become `params`. */
	pattern: RegExp;
	handler: Handler;
}
