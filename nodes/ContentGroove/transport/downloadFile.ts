import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { networkFailure } from './apiRequest';
import { describeNetworkFailure } from './errors';
import { DEFAULT_RETRY_POLICY, isRetryable, parseRetryAfter, retryDelayMs } from './retryPolicy';

const DOWNLOAD_IDLE_TIMEOUT_MS = 5 * 60_000;

/**
 * Streams a rendered file (a clip's `media_file_url`) into n8n's binary storage. The URL is
 * presigned: it gets no credential, and it never appears in an error message.
 */
export async function downloadFile(
	this: IExecuteFunctions,
	url: string,
	fileName: string,
	itemIndex: number,
): Promise<IBinaryData> {
	for (let attempt = 1; ; attempt++) {
		let status: number | undefined;
		let code: string | undefined;
		let retryAfterMs: number | undefined;
		try {
			const response = (await this.helpers.httpRequest({
				method: 'GET',
				url,
				encoding: 'stream',
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				timeout: DOWNLOAD_IDLE_TIMEOUT_MS,
			})) as { statusCode: number; headers: Record<string, string>; body: { resume?: () => void } };
			status = response.statusCode;
			if (status >= 200 && status < 300) {
				const mimeType = (response.headers['content-type'] ?? 'video/mp4').split(';')[0].trim();
				return await this.helpers.prepareBinaryData(response.body as Buffer, fileName, mimeType);
			}
			response.body.resume?.();
			retryAfterMs = parseRetryAfter(response.headers['retry-after'], Date.now());
		} catch (error) {
			code = networkFailure(error).code;
		}
		if (attempt >= DEFAULT_RETRY_POLICY.maxAttempts || !isRetryable(status, true)) {
			const reason = status ? `status ${status}` : describeNetworkFailure(code);
			throw new NodeApiError(this.getNode(), { httpStatus: status ?? null, networkError: code ?? null }, {
				message: `Downloading "${fileName}" from ContentGroove failed (${reason})`,
				description:
					status === 403
						? 'The download link has expired. Run the node again to get a fresh link.'
						: 'Try again later; if it persists, check that n8n can reach ContentGroove\'s file host.',
				httpCode: status ? String(status) : undefined,
				itemIndex,
			});
		}
		await sleep(retryDelayMs(attempt, retryAfterMs, DEFAULT_RETRY_POLICY));
	}
}
