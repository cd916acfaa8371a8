import { startEmulator, type Emulator } from './index';
import { api } from './testSupport';

describe('emulator authentication', () => {
	let emulator: Emulator;
	beforeAll(async () => {
		emulator = await startEmulator({ apiKeys: ['key_one', 'key_two'] });
	});
	afterAll(() => emulator.close());

	it.each([
		['Authorization: Bearer', { Authorization: 'Bearer key_one' }, ''],
		['X-API-KEY', { 'X-API-KEY': 'key_two' }, ''],
		['api_key query parameter', {}, '?api_key=key_one'],
	])('accepts the key in %s', async (_name, headers, query) => {
		const response = await api(emulator, 'GET', `/api/v1/medias${query}`, { headers, auth: false });
		expect(response.status).toBe(200);
	});

	it.each([
		['no credentials', {}, ''],
		['a wrong Bearer key', { Authorization: 'Bearer nope' }, ''],
		['a wrong X-API-KEY', { 'X-API-KEY': 'nope' }, ''],
		['a wrong api_key', {}, '?api_key=nope'],
		['the key without Bearer', { Authorization: 'key_one' }, ''],
	])('answers 401 with the spec body for %s', async (_name, headers, query) => {
		const response = await api(emulator, 'GET', `/api/v1/clips${query}`, { headers, auth: false });
		expect(response.status).toBe(401);
		expect(response.body).toEqual({ errors: [{ message: 'You need to sign in or sign up before continuing.' }] });
	});

	it('logs the authorization header as sent, and setApiKeys replaces the keys', async () => {
		await emulator.control.reset();
		await api(emulator, 'GET', '/api/v1/medias', { headers: { Authorization: 'Bearer key_one' }, auth: false });
		const [logged] = await emulator.control.requests();
		expect(logged.headers.authorization).toBe('Bearer key_one');
		await emulator.control.setApiKeys(['rotated']);
		expect((await api(emulator, 'GET', '/api/v1/medias', { headers: { Authorization: 'Bearer key_one' }, auth: false })).status).toBe(401);
		expect((await api(emulator, 'GET', '/api/v1/medias', { headers: { Authorization: 'Bearer rotated' }, auth: false })).status).toBe(200);
		await emulator.control.reset();
		expect((await api(emulator, 'GET', '/api/v1/medias', { headers: { Authorization: 'Bearer key_one' }, auth: false })).status).toBe(200);
	});

	it('never logs control API calls', async () => {
		await emulator.control.reset();
		await emulator.control.violations();
		expect(await emulator.control.requests()).toEqual([]);
	});
});
