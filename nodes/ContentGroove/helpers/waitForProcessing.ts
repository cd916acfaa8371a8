import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { apiRequest } from '../transport/apiRequest';
import { assertPositiveNumber } from './validation';
import type { JsonApiDocument } from './interfaces';

export const FIRST_POLL_DELAY_MS = 1000;
export const MAX_POLL_DELAY_MS = 30_000;

/** Polls start quick (short clips finish in seconds) and back off to spare the rate limit on long videos. */
export function nextPollDelayMs(previousMs: number | undefined): number {
	if (previousMs === undefined) return FIRST_POLL_DELAY_MS;
	return Math.min(MAX_POLL_DELAY_MS, Math.round(previousMs * 1.5));
}

type Kind = 'media' | 'clip';

const ENDPOINT: Record<Kind, string> = { media: '/api/v1/medias', clip: '/api/v1/clips' };
const LABEL: Record<Kind, string> = { media: 'Media', clip: 'Clip' };

/**
 * Reads a media or clip until ContentGroove has finished with it. A media is done when
 * `is_processing` is false; a clip also when it has a file URL (the API's create example returns
 * `is_processing: null` for a new clip).
 */
export async function waitForProcessing(
	this: IExecuteFunctions,
	kind: Kind,
	id: string,
	timeoutSeconds: number,
	itemIndex: number,
): Promise<JsonApiDocument> {
	const deadline = Date.now() + timeoutSeconds * 1000;
	let delay: number | undefined;
	for (;;) {
		const document = (await apiRequest.call(this, 'GET', `${ENDPOINT[kind]}/${id}`, {
			what: `${LABEL[kind]} ${id}`,
			itemIndex,
		})) as unknown as JsonApiDocument;
		const attributes = document.data.attributes;
		if (attributes.has_fetch_error === true) {
			throw new NodeOperationError(this.getNode(), `ContentGroove could not fetch the source of media ${id}`, {
				description: 'Check that the Source URL is publicly reachable and points to a video or audio file, then create the media again.',
				itemIndex,
			});
		}
		const done =
			attributes.is_processing === false ||
			(kind === 'clip' && attributes.is_processing == null && Boolean(attributes.media_file_url));
		if (done) return document;

		delay = nextPollDelayMs(delay);
		const remaining = deadline - Date.now();
		if (remaining <= 0) {
			throw new NodeOperationError(
				this.getNode(),
				`${LABEL[kind]} ${id} was still processing after ${timeoutSeconds} seconds`,
				{
					description:
						'Raise the timeout, or start a workflow with the ContentGroove Trigger when processing finishes instead of waiting here.',
					itemIndex,
				},
			);
		}
		await sleep(Math.min(delay, remaining));
	}
}

/**
 * The timeout of an operation's "Wait Until …" option, checked before the operation sends
 * anything; undefined when the user did not ask to wait.
 */
export function getWaitTimeout(this: IExecuteFunctions, itemIndex: number): number | undefined {
	if (!(this.getNodeParameter('waitForProcessing', itemIndex, false) as boolean)) return undefined;
	return assertPositiveNumber.call(this, this.getNodeParameter('waitTimeout', itemIndex, 3600), 'Timeout (Seconds)', itemIndex);
}
