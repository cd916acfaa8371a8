import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import type { DeliveryAttempt } from '../../emulator/client';
import { api } from '../../emulator/testSupport';
import { handleDelivery, REMEMBERED_DELIVERIES } from '../../../nodes/ContentGrooveTrigger/deliveryHandler';
import { assertNoSecret, type TriggerHarness } from '../../harness';
import { requestsDuring } from '../ContentGroove/fixtures';
import { startGateway, type Gateway } from './gateway';
import {
	expectExecutionsToStayAt,
	postDelivery,
	processMedia,
	PROCESSING_FINISHED,
	secretOf,
	startSlowDelivery,
	subscriptionsFor,
	triggerStaticData,
	useTriggerSandbox,
	waitForAttempts,
	type TriggerSandbox,
	type TriggerSetup,
} from './triggerSandbox';

const sandbox = useTriggerSandbox();
const emulator = () => sandbox.emulator();

async function activeTrigger(setup?: TriggerSetup): Promise<TriggerHarness> {
	const { harness } = sandbox.trigger(setup);
	await harness.activate();
	return harness;
}

const productionSecret = (harness: TriggerHarness) => triggerStaticData(harness).secret!;

const attemptsOf = (attempts: DeliveryAttempt[]) => attempts.map(({ attempt, status, redelivery }) => ({ attempt, status, redelivery }));

/** Processes a media and waits for its (first) execution and the emulator's record of a 2xx. */
async function deliverOnce(harness: TriggerHarness) {
	const mediaId = await processMedia(emulator());
	const [execution] = await harness.waitForExecutions(1);
	const attempts = await waitForAttempts(emulator(), (log) => log.some((attempt) => attempt.status === 200));
	return { mediaId, execution, deliveryId: attempts[0].deliveryId, body: attempts[0].body as IDataObject };
}

/** The body of `delivered` as if its media had been processed again, starting at `startedAt`. */
function anotherRun(delivered: IDataObject, startedAt: string): IDataObject {
	const copy = structuredClone(delivered) as { payload: { data: { attributes: IDataObject } } };
	copy.payload.data.attributes.processing_started_at = startedAt;
	return copy as unknown as IDataObject;
}

async function redeliverAndWait(deliveryId: string): Promise<DeliveryAttempt> {
	await emulator().control.redeliver(deliveryId);
	const attempts = await waitForAttempts(emulator(), (log) => log.some((attempt) => attempt.redelivery && attempt.status !== undefined));
	return attempts.find((attempt) => attempt.redelivery)!;
}

describe('deliveries made by ContentGroove', () => {
	it('start one execution when a media finishes processing, without calling the API', async () => {
		const harness = await activeTrigger();

		const { api: requests, result } = await requestsDuring(emulator(), async () => await deliverOnce(harness));

		const { mediaId, execution } = result;
		expect(execution.webhookMode).toBe('production');
		expect(execution.result.error).toBeUndefined();
		expect(execution.items).toHaveLength(1);
		const [media] = (await emulator().control.medias()).filter((candidate) => candidate.id === mediaId);
		expect(execution.items[0].json).toMatchObject({
			event: PROCESSING_FINISHED,
			id: mediaId,
			is_processing: false,
			dedupeKey: `${PROCESSING_FINISHED}:${mediaId}:${(media as unknown as { processingStartedAt: string }).processingStartedAt}`,
		});
		expect(attemptsOf(await emulator().control.deliveries())).toEqual([{ attempt: 1, status: 200, redelivery: false }]);
		// The secret is in the URL ContentGroove calls, never in what n8n stores or shows.
		assertNoSecret(execution.result.run, productionSecret(harness));
		// Only the fixture's own POST /medias: the webhook handler makes no API call.
		expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual(['POST /api/v1/medias']);
		await expectExecutionsToStayAt(harness, 1);
	});

	it('answer a redelivery 200 and start no second execution', async () => {
		const harness = await activeTrigger();
		const { deliveryId } = await deliverOnce(harness);

		const redelivery = await redeliverAndWait(deliveryId);

		expect([redelivery.attempt, redelivery.status]).toEqual([1, 200]);
		await expectExecutionsToStayAt(harness, 1);
	});

	it('remember what they emitted across an n8n restart', async () => {
		const harness = await activeTrigger();
		const { deliveryId, execution } = await deliverOnce(harness);
		expect(triggerStaticData(harness).recentDeliveries).toEqual([execution.items[0].json.dedupeKey]);

		await harness.restart();
		const redelivery = await redeliverAndWait(deliveryId);

		expect(redelivery.status).toBe(200);
		await expectExecutionsToStayAt(harness, 1);
	});

	it('start an execution per redelivery when Ignore Repeated Deliveries is off', async () => {
		const harness = await activeTrigger({ parameters: { options: { ignoreRepeatedDeliveries: false } } });
		const { deliveryId } = await deliverOnce(harness);

		await redeliverAndWait(deliveryId);

		const [first, second] = await harness.waitForExecutions(2);
		expect(second.items).toEqual(first.items);
		expect(second.items[0].json.dedupeKey).toEqual(expect.any(String));
		expect(triggerStaticData(harness).recentDeliveries).toBeUndefined();
	});

	it('ignore a redelivery with One Item per Clip too', async () => {
		const harness = await activeTrigger({ parameters: { options: { oneItemPerClip: true } } });
		const { deliveryId, execution } = await deliverOnce(harness);
		expect(execution.items).toHaveLength(3);

		await redeliverAndWait(deliveryId);

		await expectExecutionsToStayAt(harness, 1);
	});

	it('reach every active trigger, each with its own secret', async () => {
		const first = await activeTrigger();
		const second = await activeTrigger({ parameters: { events: ['*'] } });

		const mediaId = await processMedia(emulator());

		const [one] = await first.waitForExecutions(1);
		const [other] = await second.waitForExecutions(1);
		expect([one.items[0].json.id, other.items[0].json.id]).toEqual([mediaId, mediaId]);
		const attempts = await waitForAttempts(emulator(), (log) => log.length === 2);
		expect(attempts.map((attempt) => attempt.status)).toEqual([200, 200]);
	});

	it('reach the test URL while listening, which then stops by itself', async () => {
		const harness = await activeTrigger();
		await harness.listenForTestEvent();
		const production = await subscriptionsFor(emulator(), harness.webhookUrl());

		const mediaId = await processMedia(emulator());

		const executions = await harness.waitForExecutions(2);
		expect(executions.map((execution) => execution.webhookMode).sort()).toEqual(['production', 'test']);
		expect(executions.every((execution) => execution.items[0].json.id === mediaId)).toBe(true);
		expect(harness.isListening()).toBe(false);
		expect(await emulator().control.subscriptions()).toEqual(production);
	});
});

describe('retries by ContentGroove', () => {
	let gateway: Gateway;
	beforeEach(async () => {
		gateway = await startGateway();
	});
	afterEach(async () => await gateway.close());

	async function triggerBehindGateway(setup?: TriggerSetup, on: TriggerSandbox = sandbox): Promise<TriggerHarness> {
		const { harness } = on.trigger({ webhookBaseUrl: gateway.url, ...setup });
		gateway.target = await harness.start();
		await harness.activate();
		return harness;
	}

	it('end in one execution when n8n could not be reached at first', async () => {
		const harness = await triggerBehindGateway();
		gateway.plan({ answer: 502 }, { answer: 503 });

		await processMedia(emulator());

		await harness.waitForExecutions(1);
		const attempts = await waitForAttempts(emulator(), (log) => log.some((attempt) => attempt.status === 200));
		expect(attemptsOf(attempts)).toEqual([
			{ attempt: 1, status: 502, redelivery: false },
			{ attempt: 2, status: 503, redelivery: false },
			{ attempt: 3, status: 200, redelivery: false },
		]);
		expect(gateway.log.map((record) => record.forwarded)).toEqual([false, false, true]);
		await expectExecutionsToStayAt(harness, 1);
	});

	describe('after a timeout (the first attempt reached n8n, its answer did not come back)', () => {
		const slow = useTriggerSandbox({ webhookTimeoutMs: 400 });

		async function deliverWithLostAnswer(setup?: TriggerSetup): Promise<TriggerHarness> {
			const harness = await triggerBehindGateway(setup, slow);
			gateway.plan({ forwardThenHoldMs: 700 });
			await processMedia(slow.emulator());
			const attempts = await waitForAttempts(slow.emulator(), (log) => log.some((attempt) => attempt.status === 200));
			expect(attempts[0]).toMatchObject({ attempt: 1, status: null });
			expect(attempts.at(-1)).toMatchObject({ status: 200 });
			// Every attempt reached n8n: the retries are real duplicates.
			expect(gateway.log.every((record) => record.forwarded)).toBe(true);
			expect(gateway.log.length).toBeGreaterThanOrEqual(2);
			return harness;
		}

		it('starts one execution for the duplicate attempts', async () => {
			const harness = await deliverWithLostAnswer();
			await expectExecutionsToStayAt(harness, 1, 500);
		});

		it('starts one per attempt when Ignore Repeated Deliveries is off', async () => {
			const harness = await deliverWithLostAnswer({ parameters: { options: { ignoreRepeatedDeliveries: false } } });
			await harness.waitForExecutions(gateway.log.length);
			await expectExecutionsToStayAt(harness, gateway.log.length, 500);
		});
	});
});

describe('authenticity', () => {
	async function realBody(): Promise<IDataObject> {
		// A delivery body as ContentGroove sends it, captured without any trigger involved.
		const listener = await activeTrigger({ parameters: { events: ['*'] } });
		await deliverOnce(listener);
		const [attempt] = await emulator().control.deliveries();
		await listener.deactivate();
		return attempt.body as IDataObject;
	}

	it.each([
		['a wrong secret', () => 'f'.repeat(64)],
		['no secret', () => null],
		['an empty secret', () => ''],
		['the secret with a character more', (secret: string) => `${secret}0`],
	])('refuses a delivery with %s: 401 and no execution', async (_name, forge) => {
		const body = await realBody();
		const harness = await activeTrigger();

		const response = await postDelivery(harness.webhookUrl(), body, forge(productionSecret(harness)));

		expect(response).toEqual({ status: 401, body: { message: 'Unknown or missing webhook secret' } });
		await expectExecutionsToStayAt(harness, 0, 100);
	});

	it("refuses another trigger's secret, and the test URL's on the production URL", async () => {
		const body = await realBody();
		const harness = await activeTrigger();
		const other = await activeTrigger();
		await harness.listenForTestEvent();
		const [test] = await subscriptionsFor(emulator(), harness.webhookUrl('test'));

		expect((await postDelivery(harness.webhookUrl(), body, productionSecret(other))).status).toBe(401);
		expect((await postDelivery(harness.webhookUrl(), body, secretOf(test.url))).status).toBe(401);
		expect((await postDelivery(harness.webhookUrl('test'), body, productionSecret(harness))).status).toBe(401);
		await expectExecutionsToStayAt(harness, 0, 100);
		expect(other.executions()).toHaveLength(0);
	});

	it('refuses every attempt ContentGroove makes for a subscription with a secret it does not know', async () => {
		const harness = await activeTrigger();
		const url = `${harness.webhookUrl()}?cg_secret=${'a'.repeat(64)}`;
		const unknown = (await api(emulator(), 'POST', '/api/v1/webhook_subscriptions', {
			body: { data: { attributes: { url, subscribed_events: [PROCESSING_FINISHED] } } },
		})).body as { data: { id: string } };

		await processMedia(emulator());

		await harness.waitForExecutions(1);
		const attempts = await waitForAttempts(emulator(), (log) => log.filter((a) => a.subscriptionId === unknown.data.id).length === 4);
		expect(attempts.filter((a) => a.subscriptionId === unknown.data.id).map((a) => a.status)).toEqual([401, 401, 401, 401]);
		await expectExecutionsToStayAt(harness, 1);
	});

	it('lets a forged copy change nothing: the real delivery still starts its execution', async () => {
		const body = await realBody();
		const harness = await activeTrigger();

		expect((await postDelivery(harness.webhookUrl(), body, 'guess')).status).toBe(401);
		const real = await postDelivery(harness.webhookUrl(), body, productionSecret(harness));

		expect(real.status).toBe(200);
		await harness.waitForExecutions(1);
	});

	it('checks the secret before anything else: a forged malformed body gets 401, not 400', async () => {
		const harness = await activeTrigger();
		expect((await postDelivery(harness.webhookUrl(), { nonsense: true }, 'guess')).status).toBe(401);
	});
});

describe('what starts nothing', () => {
	let body: IDataObject;
	let harness: TriggerHarness;
	beforeEach(async () => {
		harness = await activeTrigger();
		const delivered = await deliverOnce(harness);
		body = delivered.body;
		// Forget what was emitted, so that only the case under test decides.
		await harness.deactivate();
		await harness.activate();
	});

	const post = async (payload: unknown) => await postDelivery(harness.webhookUrl(), payload, productionSecret(harness));

	it('a delivery as received, to show the setup works', async () => {
		expect((await post(body)).status).toBe(200);
		await harness.waitForExecutions(2);
	});

	it('an event the trigger did not choose: 200, no execution', async () => {
		const response = await post({ ...body, event: 'media.deleted' });

		expect(response).toEqual({ status: 200, body: { received: true, ignored: 'event not chosen in the trigger' } });
		await expectExecutionsToStayAt(harness, 1);
	});

	it('an event the trigger did not choose, whatever its payload: 200, no execution', async () => {
		const response = await post({ event: 'account.quota_reached', payload: { quota: 'minutes' } });

		expect(response.status).toBe(200);
		await expectExecutionsToStayAt(harness, 1);
	});

	it.each([
		['an empty object', {}],
		['no payload', { event: PROCESSING_FINISHED }],
		['no event', { payload: { data: { id: 'x', type: 'medias', attributes: {} } } }],
		['a payload without data', { event: PROCESSING_FINISHED, payload: {} }],
		['a media without attributes', { event: PROCESSING_FINISHED, payload: { data: { id: 'x', type: 'medias' } } }],
		['an array', [{ event: PROCESSING_FINISHED }]],
	])('a body that is not a delivery (%s): 400, no execution', async (_name, malformed) => {
		const response = await post(malformed);

		expect(response).toEqual({ status: 400, body: { message: 'The body is not a ContentGroove webhook delivery' } });
		await expectExecutionsToStayAt(harness, 1);
	});
});

describe('an event this package does not know, with All Events chosen', () => {
	const futureEvent = { event: 'account.quota_reached', payload: { quota: 'minutes', used: 600 } };

	it('starts the workflow with the body as delivered, plus a dedupeKey; a redelivery starts nothing', async () => {
		const harness = await activeTrigger({ parameters: { events: ['*'] } });
		const post = async () => await postDelivery(harness.webhookUrl(), futureEvent, productionSecret(harness));

		expect((await post()).status).toBe(200);
		const [execution] = await harness.waitForExecutions(1);
		expect(execution.items.map((item) => item.json)).toEqual([
			{ ...futureEvent, dedupeKey: expect.stringMatching(/^account\.quota_reached:[0-9a-f]{64}$/) },
		]);

		expect(await post()).toEqual({ status: 200, body: { received: true, ignored: 'repeated delivery' } });
		await expectExecutionsToStayAt(harness, 1);
	});

	it('still refuses a media event whose payload is not a media (400)', async () => {
		const harness = await activeTrigger({ parameters: { events: ['*'] } });
		const response = await postDelivery(
			harness.webhookUrl(),
			{ event: PROCESSING_FINISHED, payload: {} },
			productionSecret(harness),
		);
		expect(response.status).toBe(400);
		await expectExecutionsToStayAt(harness, 0);
	});
});

describe('what is not a repeat', () => {
	it('the same media processed again (a new processing_started_at) starts a new execution', async () => {
		const harness = await activeTrigger();
		const { body } = await deliverOnce(harness);
		const again = anotherRun(body, new Date().toISOString());

		expect((await postDelivery(harness.webhookUrl(), again, productionSecret(harness))).status).toBe(200);

		const [first, second] = await harness.waitForExecutions(2);
		expect(second.items[0].json.dedupeKey).not.toBe(first.items[0].json.dedupeKey);
	});

	it('a delivery after the workflow was deactivated and activated again (a new subscription)', async () => {
		const harness = await activeTrigger();
		const { body } = await deliverOnce(harness);
		await harness.deactivate();
		await harness.activate();

		expect((await postDelivery(harness.webhookUrl(), body, productionSecret(harness))).status).toBe(200);

		await harness.waitForExecutions(2);
	});
});

describe('what Ignore Repeated Deliveries does not promise (README: "Not guaranteed")', () => {
	// These pin the documented limits: if the trigger ever serialises deliveries, they fail and
	// the README's guarantee can be widened.
	const overlapMs = 100;

	it('two copies that overlap in n8n both start an execution', async () => {
		const harness = await activeTrigger();
		const { body } = await deliverOnce(harness);
		const copy = anotherRun(body, '2030-01-01T00:00:00.000Z');
		const secret = productionSecret(harness);

		const first = startSlowDelivery(harness.webhookUrl(), copy, secret);
		await new Promise((resolve) => setTimeout(resolve, overlapMs));
		expect((await postDelivery(harness.webhookUrl(), copy, secret)).status).toBe(200);
		expect(await first.finish()).toBe(200);

		const [, second, third] = await harness.waitForExecutions(3);
		expect(third.items[0].json.dedupeKey).toBe(second.items[0].json.dedupeKey);
	});

	it('two different events that overlap: the key saved last wins, so a later copy of the other starts again', async () => {
		const harness = await activeTrigger();
		const { body } = await deliverOnce(harness);
		const a = anotherRun(body, '2030-01-01T00:00:00.000Z');
		const b = anotherRun(body, '2030-01-02T00:00:00.000Z');
		const secret = productionSecret(harness);

		const slowA = startSlowDelivery(harness.webhookUrl(), a, secret);
		await new Promise((resolve) => setTimeout(resolve, overlapMs));
		await postDelivery(harness.webhookUrl(), b, secret);
		await slowA.finish();
		await harness.waitForExecutions(3);
		const remembered = triggerStaticData(harness).recentDeliveries ?? [];
		expect(remembered.some((key) => key.endsWith('2030-01-01T00:00:00.000Z'))).toBe(true);
		expect(remembered.some((key) => key.endsWith('2030-01-02T00:00:00.000Z'))).toBe(false);

		expect((await postDelivery(harness.webhookUrl(), b, secret)).status).toBe(200);
		await harness.waitForExecutions(4);
	});
});

describe(`the memory of emitted events (the last ${REMEMBERED_DELIVERIES})`, () => {
	/** handleDelivery outside the engine: enough of n8n's webhook context for a few thousand calls. */
	function fakeContext(staticData: IDataObject) {
		let body: IDataObject = {};
		const context = {
			getWorkflowStaticData: () => staticData,
			getQueryData: () => ({ cg_secret: 'secret' }),
			getBodyData: () => body,
			getNodeParameter: (name: string, fallback: unknown) => (name === 'events' ? [PROCESSING_FINISHED] : fallback),
			getResponseObject: () => {
				throw new Error('not answered by the node in these cases');
			},
		} as unknown as IWebhookFunctions;
		return async (delivered: IDataObject) => {
			body = delivered;
			return await handleDelivery.call(context);
		};
	}
	const delivery = (n: number) => ({
		event: PROCESSING_FINISHED,
		payload: { data: { id: 'media', type: 'medias', attributes: { processing_started_at: `run-${n}` } }, included: [] },
	});

	it(`ignores a copy of any of the last ${REMEMBERED_DELIVERIES} events, and forgets the one before`, async () => {
		const staticData: IDataObject = { secret: 'secret' };
		const deliver = fakeContext(staticData);
		for (let n = 0; n <= REMEMBERED_DELIVERIES; n++) expect(await deliver(delivery(n))).toHaveProperty('workflowData');

		expect((staticData.recentDeliveries as string[]).length).toBe(REMEMBERED_DELIVERIES);
		expect(await deliver(delivery(1))).toEqual({ webhookResponse: { received: true, ignored: 'repeated delivery' } });
		expect(await deliver(delivery(REMEMBERED_DELIVERIES))).toHaveProperty('webhookResponse');
		expect(await deliver(delivery(0))).toHaveProperty('workflowData');
	});
});
