import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { assertUuid } from './validation';

const LOCATOR_LABEL = {
	mediaId: 'Media',
	clipId: 'Clip',
	webhookSubscriptionId: 'Webhook Subscription',
} as const;

/** Reads a resource locator (list, ID or URL) and checks the result is a ContentGroove ID. */
export function getResourceId(
	this: IExecuteFunctions,
	parameter: keyof typeof LOCATOR_LABEL,
	itemIndex: number,
): string {
	const value = this.getNodeParameter(parameter, itemIndex, '', { extractValue: true }) as string;
	return assertUuid.call(this, value, LOCATOR_LABEL[parameter], itemIndex);
}

/** Drops empty optional fields, so an untouched "Additional Fields" entry sends nothing. */
export function definedFields(fields: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== ''));
}
