import { startEmulator, type Emulator } from '../emulator';
import { assertNoSecret, testCredential } from '../harness';

const API_KEY = 'cg_live_credential_test_key_5f2a';

let emulator: Emulator;

beforeAll(async () => {
	emulator = await startEmulator({ apiKeys: [API_KEY] });
});
afterEach(async () => {
	expect(await emulator.control.violations()).toEqual([]);
	await emulator.control.reset();
});
afterAll(async () => emulator.close());

/** The credential dialog's test, as n8n runs it, plus what reached the API. */
async function testWith(data: { apiKey: string; baseUrl?: string }) {
	const result = await testCredential(data);
	const requests = (await emulator.control.requests()).filter((request) => request.host === 'api');
	// Whatever the outcome, the dialog never shows the key.
	assertNoSecret(result, data.apiKey);
	return { result, requests };
}

describe('ContentGrooveApi credential test', () => {
	it('accepts the right key, with one authenticated, side-effect-free request', async () => {
		const { result, requests } = await testWith({ apiKey: API_KEY, baseUrl: emulator.url });
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(requests.map(({ method, path, query, status }) => ({ method, path, query, status }))).toEqual([
			{ method: 'GET', path: '/api/v1/webhook_subscriptions', query: {}, status: 200 },
		]);
		expect(requests[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
		expect(requests[0].headers['x-api-key']).toBeUndefined();
		expect(await emulator.control.subscriptions()).toEqual([]);
	});

	it('accepts a Base URL written with trailing slashes', async () => {
		const { result, requests } = await testWith({ apiKey: API_KEY, baseUrl: `${emulator.url}//` });
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(requests.map((request) => request.path)).toEqual(['/api/v1/webhook_subscriptions']);
	});

	it('refuses a wrong key with a message saying the key is not authorised', async () => {
		const wrongKey = 'cg_live_wrong_key_0000';
		const { result, requests } = await testWith({ apiKey: wrongKey, baseUrl: emulator.url });
		expect(result).toEqual({ status: 'Error', message: 'Unauthorized' });
		// (n8n-core sends a request that got 401 once more, for credentials that refresh a token.)
		expect(requests.length).toBeGreaterThanOrEqual(1);
		expect(requests.map((request) => request.status)).toEqual(requests.map(() => 401));
	});

	it('refuses a revoked key', async () => {
		await emulator.control.setApiKeys(['cg_live_another_key']);
		const { result } = await testWith({ apiKey: API_KEY, baseUrl: emulator.url });
		expect(result).toEqual({ status: 'Error', message: 'Unauthorized' });
	});

	it('says the connection was refused when nothing listens at the Base URL', async () => {
		const { result, requests } = await testWith({ apiKey: API_KEY, baseUrl: 'http://127.0.0.1:1' });
		expect(result).toEqual({ status: 'Error', message: 'ECONNREFUSED' });
		expect(requests).toEqual([]);
	});

	it('says the host is unknown when the Base URL names no host that resolves', async () => {
		const { result } = await testWith({ apiKey: API_KEY, baseUrl: 'https://api.contentgroove.invalid' });
		// NXDOMAIN, or no resolver at all in an offline sandbox.
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/^(ENOTFOUND|EAI_AGAIN)$/) });
	});

	it('says the URL is invalid when the Base URL has no scheme', async () => {
		const { result, requests } = await testWith({ apiKey: API_KEY, baseUrl: 'api.contentgroove.com' });
		expect(result.status).toBe('Error');
		console.log(result);
		expect(result.message).toEqual(expect.any(String));
		expect(requests).toEqual([]);
	});
});
