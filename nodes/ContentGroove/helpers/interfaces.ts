/** The shapes of ContentGroove's JSON:API documents (see the OpenAPI document's examples). */
import type { IDataObject } from 'n8n-workflow';

export interface ResourceIdentifier {
	id: string;
	type: string;
}

export interface JsonApiResource {
	id: string;
	type: string;
	attributes: IDataObject;
	relationships?: Record<string, { data: ResourceIdentifier | ResourceIdentifier[] | null }>;
}

export interface JsonApiDocument {
	data: JsonApiResource;
	links?: IDataObject;
}

export interface JsonApiListDocument {
	data: JsonApiResource[];
	links?: { self?: string; current?: string; next?: string; last?: string };
	meta?: { pagination?: IDataObject };
}

/** The body ContentGroove POSTs to a webhook subscription's URL. */
export interface WebhookDelivery {
	event: string;
	payload: { data: JsonApiResource; included?: JsonApiResource[] };
}

export type Resource = 'media' | 'clip' | 'webhookSubscription';
