export interface WebhookRetryOptions {
	/** Total attempts per delivery, the first one included. */
	attempts: number;
	/** Delay before the 2nd attempt; doubled for each following one. */
	baseDelayMs: number;
}

export interface EmulatorOptions {
	/** API port; 0 picks a free one. */
	port: number;
	/** Upload host port; 0 picks a free one. */
	uploadPort: number;
	host: string;
	apiKeys: string[];
	/** `Infinity` means processing only finishes on control `finishProcessing`. */
	processingDelayMs: number;
	clipRenderDelayMs: number;
	maxPageSize: number;
	defaultPageSize: number;
	webhookRetry: WebhookRetryOptions;
	suggestedClipsPerMedia: number;
	uploadUrlTtlSeconds: number;
	clipUrlTtlSeconds: number;
	/** Per-attempt timeout of a webhook POST. */
	webhookTimeoutMs: number;
}

export type EmulatorOptionsInput = Partial<Omit<EmulatorOptions, 'webhookRetry'>> & {
	webhookRetry?: Partial<WebhookRetryOptions>;
};

export const MAX_UPLOAD_BYTES = 5 * 1024 ** 3;

export function resolveOptions(input: EmulatorOptionsInput = {}): EmulatorOptions {
	return {
		port: 0,
		uploadPort: 0,
		host: '127.0.0.1',
		apiKeys: ['cg_test_key'],
		processingDelayMs: 2000,
		clipRenderDelayMs: 500,
		maxPageSize: 100,
		defaultPageSize: 30,
		suggestedClipsPerMedia: 3,
		uploadUrlTtlSeconds: 604800,
		clipUrlTtlSeconds: 3600,
		webhookTimeoutMs: 5000,
		...input,
		webhookRetry: { attempts: 5, baseDelayMs: 200, ...input.webhookRetry },
	};
}
