/**
 * `npm run emulator`: a ContentGroove emulator for manual testing and the e2e suite.
 * Options come from EMULATOR_* environment variables (see README.md).
 */
import { startEmulator, type EmulatorOptionsInput } from './index';

function numberFromEnv(name: string): number | undefined {
	const value = process.env[name];
	if (value === undefined || value === '') return undefined;
	if (value === 'Infinity') return Infinity;
	const parsed = Number(value);
	if (Number.isNaN(parsed)) throw new Error(`${name} must be a number, got "${value}"`);
	return parsed;
}

function optionsFromEnv(): EmulatorOptionsInput {
	const entries: Array<[keyof EmulatorOptionsInput, number | undefined]> = [
		['port', numberFromEnv('EMULATOR_PORT') ?? 4010],
		['uploadPort', numberFromEnv('EMULATOR_UPLOAD_PORT') ?? 4011],
		['processingDelayMs', numberFromEnv('EMULATOR_PROCESSING_DELAY_MS')],
		['clipRenderDelayMs', numberFromEnv('EMULATOR_CLIP_RENDER_DELAY_MS')],
		['maxPageSize', numberFromEnv('EMULATOR_MAX_PAGE_SIZE')],
		['defaultPageSize', numberFromEnv('EMULATOR_DEFAULT_PAGE_SIZE')],
		['suggestedClipsPerMedia', numberFromEnv('EMULATOR_SUGGESTED_CLIPS')],
		['uploadUrlTtlSeconds', numberFromEnv('EMULATOR_UPLOAD_URL_TTL_SECONDS')],
	];
	const options: EmulatorOptionsInput = Object.fromEntries(entries.filter(([, value]) => value !== undefined));
	if (process.env.EMULATOR_HOST) options.host = process.env.EMULATOR_HOST;
	if (process.env.EMULATOR_API_KEY) options.apiKeys = process.env.EMULATOR_API_KEY.split(',');
	const attempts = numberFromEnv('EMULATOR_WEBHOOK_ATTEMPTS');
	const baseDelayMs = numberFromEnv('EMULATOR_WEBHOOK_BASE_DELAY_MS');
	options.webhookRetry = { ...(attempts !== undefined && { attempts }), ...(baseDelayMs !== undefined && { baseDelayMs }) };
	return options;
}

async function main(): Promise<void> {
	const emulator = await startEmulator(optionsFromEnv());
	console.log(`ContentGroove emulator
  API base URL:   ${emulator.url}
  API key:        ${emulator.apiKey}
  Upload host:    ${emulator.uploadUrl}
  Control API:    ${emulator.url}/_emulator/ (requests, violations, deliveries, faults…)
Press Ctrl-C to stop.`);
	const stop = (): void => {
		void emulator.close().then(() => process.exit(0));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
