import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Every ContentGroove ID in the OpenAPI document is a UUID; anything else cannot exist. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function assertUuid(this: IExecuteFunctions, value: string, field: string, itemIndex: number): string {
	const id = String(value ?? '').trim();
	if (!UUID.test(id)) {
		throw new NodeOperationError(this.getNode(), `${field} "${id}" is not a ContentGroove ID`, {
			description: `Choose the ${field.toLowerCase()} from the list, or give its ID (e.g. 9b9a2e82-5b47-4f59-831d-4c239824b983) or its ContentGroove URL.`,
			itemIndex,
		});
	}
	return id;
}

export function assertHttpUrl(this: IExecuteFunctions, value: string, field: string, itemIndex: number): string {
	const text = String(value ?? '').trim();
	let url: URL | undefined;
	try {
		url = new URL(text);
	} catch {}
	if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
		throw new NodeOperationError(this.getNode(), `${field} "${text}" is not an http(s) URL`, {
			description: `Set ${field} to a full URL starting with https://, e.g. https://example.com/video.mp4`,
			itemIndex,
		});
	}
	return text;
}

export function assertNonEmpty(this: IExecuteFunctions, value: unknown, field: string, itemIndex: number): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (!text) {
		throw new NodeOperationError(this.getNode(), `${field} is empty`, {
			description: `Set ${field}; ContentGroove requires it.`,
			itemIndex,
		});
	}
	return text;
}

/** Clip times are seconds into the media: 0 ≤ start < end. */
export function assertClipTimes(
	this: IExecuteFunctions,
	times: { startTime?: unknown; endTime?: unknown },
	itemIndex: number,
): void {
	const check = (value: unknown, field: string) => {
		if (value === undefined) return;
		if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
			throw new NodeOperationError(this.getNode(), `${field} must be a number of seconds ≥ 0, got "${String(value)}"`, {
				description: `Set ${field} to the clip's position in the media in seconds, e.g. 12.5`,
				itemIndex,
			});
		}
	};
	check(times.startTime, 'Start Time');
	check(times.endTime, 'End Time');
	if (typeof times.startTime === 'number' && typeof times.endTime === 'number' && times.startTime >= times.endTime) {
		throw new NodeOperationError(
			this.getNode(),
			`Start Time (${times.startTime}) must be before End Time (${times.endTime})`,
			{ description: 'Set End Time later than Start Time; both are seconds into the media.', itemIndex },
		);
	}
}

export function assertPositiveNumber(this: IExecuteFunctions, value: unknown, field: string, itemIndex: number): number {
	if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
		throw new NodeOperationError(this.getNode(), `${field} must be a positive number, got "${String(value)}"`, {
			description: `Set ${field} to a number greater than 0.`,
			itemIndex,
		});
	}
	return value;
}

/** A count such as a Get Many's Limit: a whole number ≥ 1 (an expression can give anything). */
export function assertPositiveInteger(this: IExecuteFunctions, value: unknown, field: string, itemIndex: number): number {
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
		throw new NodeOperationError(this.getNode(), `${field} must be a whole number of at least 1, got "${String(value)}"`, {
			description: `Set ${field} to 1 or more.`,
			itemIndex,
		});
	}
	return value;
}
