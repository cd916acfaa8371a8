import { NodeOperationError } from 'n8n-workflow';

import { api } from '../../emulator/testSupport';
import type { TriggerHarness } from '../../harness';
import { requestsDuring } from '../ContentGroove/fixtures';
import {
	changeWebhookBaseUrl,
	editParameters,
	PROCESSING_FINISHED,
	processMedia,
	secretOf,
	subscriptionsFor,
	triggerStaticData,
	useTriggerSandbox,
} from './triggerSandbox';

const sandbox = useTriggerSandbox();
const emulator = () => sandbox.emulator();

const methodsOf = (harness: TriggerHarness) =>
	harness.webhookMethodCalls().map(({ method, webhookMode, result }) => `${webhookMode}:${method}=${String(result)}`);

const subscriptionCount = async () => (await emulator().control.subscriptions()).length;

async function createSubscriptionBehindOurBack(url: string, events: string[]): Promise<string> {
	const response = await api(emulator(), 'POST', '/api/v1/webhook_subscriptions', {
		body: { data: { attributes: { url, subscribed_events: events } } },
	});
	expect(response.status).toBe(200);
	return (response.body as { data: { id: string } }).data.id;
}

async function deleteSubscriptionBehindOurBack(id: string): Promise<void> {
	expect((await api(emulator(), 'DELETE', `/api/v1/webhook_subscriptions/${id}`)).status).toBe(204);
}

/** The only subscription ContentGroove holds for the trigger's production URL. */
async function theSubscriptionOf(harness: TriggerHarness) {
	const subscriptions = await subscriptionsFor(emulator(), harness.webhookUrl());
	expect(subscriptions).toHaveLength(1);
	return subscriptions[0];
}

describe('activation', () => {
	it('registers the production webhook URL with a random secret and the chosen events', async () => {
		const { harness } = sandbox.trigger();
		await harness.activate();

		const subscriptions = await emulator().control.subscriptions();
		expect(subscriptions).toHaveLength(1);
		const [subscription] = subscriptions;
		expect(subscription.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhook\/[0-9a-f-]{36}\/webhook\?cg_secret=[0-9a-f]{64}$/);
		expect(subscription.url.startsWith(`${harness.webhookUrl()}?`)).toBe(true);
		expect(subscription.subscribedEvents).toEqual([PROCESSING_FINISHED]);
		expect(triggerStaticData(harness)).toEqual({ subscriptionId: subscription.id, secret: secretOf(subscription.url) });
		expect(methodsOf(harness)).toEqual(['production:checkExists=false', 'production:create=true']);
	});

	it('subscribes to All Events when chosen', async () => {
		const { harness } = sandbox.trigger({ parameters: { events: ['*'] } });
		await harness.activate();
		expect((await theSubscriptionOf(harness)).subscribedEvents).toEqual(['*']);
	});

	it('gives every activation its own secret', async () => {
		const first = sandbox.trigger();
		const second = sandbox.trigger();
		await first.harness.activate();
		await second.harness.activate();
		const secrets = (await emulator().control.subscriptions()).map((subscription) => secretOf(subscription.url));
		expect(new Set(secrets).size).toBe(2);
	});

	it('refuses to activate with no event chosen, and leaves nothing behind', async () => {
		const { harness } = sandbox.trigger({ parameters: { events: [] } });
		await expect(harness.activate()).rejects.toThrow('Events is empty');
		expect(await subscriptionCount()).toBe(0);
	});
});

describe('n8n restarts', () => {
	it('adopts its subscription at every start instead of creating another', async () => {
		const { harness } = sandbox.trigger();
		await harness.activate();
		const original = await theSubscriptionOf(harness);
		const saves = harness.staticDataSaves();

		const { api: requests } = await requestsDuring(emulator(), async () => {
			for (let restart = 0; restart < 3; restart++) {
				await harness.restart();
				expect(await theSubscriptionOf(harness)).toEqual(original);
			}
		});

		expect(methodsOf(harness).slice(2)).toEqual(Array(3).fill('production:checkExists=true'));
		expect(requests.map((request) => request.method)).toEqual(['GET', 'GET', 'GET']);
		expect(harness.staticDataSaves()).toBe(saves);
		expect(await subscriptionCount()).toBe(1);
	});

	it('re-creates a subscription ContentGroove lost while n8n was down', async () => {
		const { harness } = sandbox.trigger();
		await harness.activate();
		const lost = await theSubscriptionOf(harness);
		await deleteSubscriptionBehindOurBack(lost.id);

		await harness.restart();

		const recreated = await theSubscriptionOf(harness);
		expect(recreated.id).not.toBe(lost.id);
		expect(methodsOf(harness).slice(2)).toEqual(['production:checkExists=false', 'production:create=true']);
		expect(triggerStaticData(harness)).toEqual({ subscriptionId: recreated.id, secret: secretOf(recreated.url) });
	});

	it.each([
		['without a secret', (url: string) => url.split('?')[0]],
		['with another secret', (url: string) => `${url.split('?')[0]}?cg_secret=${'0'.repeat(64)}`],
		['identical to ours (secret included)', (url: string) => url],
	])('removes a twin for its URL %s, keeping its own', async (_name, twinUrl) => {
		const { harness } = sandbox.trigger();
		await harness.activate();
		const ours = await theSubscriptionOf(harness);
		const twin = await createSubscriptionBehindOurBack(twinUrl(ours.url), [PROCESSING_FINISHED]);
		expect(await subscriptionCount()).toBe(2);

		await harness.restart();

		const subscriptions = await emulator().control.subscriptions();
		expect(subscriptions.map((subscription) => subscription.id)).toEqual([ours.id]);
		expect(subscriptions.some((subscription) => subscription.id === twin)).toBe(false);
		expect(methodsOf(harness).slice(2)).toEqual(['production:checkExists=true']);
	});

	it('leaves subscriptions for other URLs alone', async () => {
		const { harness } = sandbox.trigger();
		await harness.activate();
		const ours = await theSubscriptionOf(harness);
		const otherPath = await createSubscriptionBehindOurBack(`${harness.webhookUrl()}-other?cg_secret=x`, ['*']);
		const elsewhere = await createSubscriptionBehindOurBack('https://example.com/hooks', ['*']);

		await harness.restart();
		await harness.deactivate();

		const left = (await emulator().control.subscriptions()).map((subscription) => subscription.id);
		expect(left.sort()).toEqual([otherPath, elsewhere].sort());
		expect(left).not.toContain(ours.id);
	});

	it('replaces a subscription for its URL whose events are no longer the chosen ones', async () => {
		const { harness, node } = sandbox.trigger();
		await harness.activate();
		const old = await theSubscriptionOf(harness);

		// The saved workflow now wants All Events; n8n starts with it.
		editParameters(node, { events: ['*'] });
		await harness.restart();

		const replaced = await theSubscriptionOf(harness);
		expect(replaced.id).not.toBe(old.id);
		expect(replaced.subscribedEvents).toEqual(['*']);
		expect(methodsOf(harness).slice(2)).toEqual(['production:checkExists=false', 'production:create=true']);
		expect(triggerStaticData(harness)).toEqual({ subscriptionId: replaced.id, secret: secretOf(replaced.url) });
	});

	it('replaces a subscription carrying its secret but other events', async () => {
		const { harness } = sandbox.trigger();
		await harness.activate();
		const ours = await theSubscriptionOf(harness);
		await deleteSubscriptionBehindOurBack(ours.id);
		const widened = await createSubscriptionBehindOurBack(ours.url, ['*']);

		await harness.restart();

		const replaced = await theSubscriptionOf(harness);
		expect([replaced.id === widened, replaced.subscribedEvents]).toEqual([false, [PROCESSING_FINISHED]]);
	});

	it('replaces a subscription whose secret it no longer knows (static data lost)', async () => {
		const shared = { webhookId: 'b1c2d3e4-0000-4000-8000-00000000c0de', webhookBaseUrl: 'http://127.0.0.1:9' };
		const before = sandbox.trigger(shared);
		await before.harness.activate();
		const old = await theSubscriptionOf(before.harness);

		// The same workflow and URL, but the saved static data is gone (e.g. re-imported).
		const after = sandbox.trigger(shared);
		expect(after.harness.webhookUrl()).toBe(before.harness.webhookUrl());
		await after.harness.activate();

		const replaced = await theSubscriptionOf(after.harness);
		expect(replaced.id).not.toBe(old.id);
		expect(secretOf(replaced.url)).not.toBe(secretOf(old.url));
		expect(triggerStaticData(after.harness).secret).toBe(secretOf(replaced.url));
		expect(methodsOf(after.harness)).toEqual(['production:checkExists=false', 'production:create=true']);
		expect(await subscriptionCount()).toBe(1);
	});

	it('removes the subscription it made for its old URL when WEBHOOK_URL changed', async () => {
		const trigger = sandbox.trigger({ webhookBaseUrl: 'http://127.0.0.1:9' });
		const { harness } = trigger;
		await harness.activate();
		const old = await theSubscriptionOf(harness);

		// n8n restarts with another WEBHOOK_URL (e.g. a new tunnel); the webhook path stays.
		changeWebhookBaseUrl(trigger, 'http://127.0.0.1:10');
		expect(harness.webhookUrl()).not.toBe(old.url.split('?')[0]);
		await harness.restart();

		const subscriptions = await emulator().control.subscriptions();
		expect(subscriptions.map((subscription) => subscription.url.split('?')[0])).toEqual([harness.webhookUrl()]);
		expect(subscriptions[0].id).not.toBe(old.id);
	});
});

describe('save while active', () => {
	it('moves the subscription to the new events (n8n deactivates the old version, activates the new)', async () => {
		const { harness, node } = sandbox.trigger();
		await harness.activate();
		const old = await theSubscriptionOf(harness);

		await harness.deactivate();
		expect(await subscriptionCount()).toBe(0);
		editParameters(node, { events: ['*'] });
		await harness.activate('update');

		const current = await theSubscriptionOf(harness);
		expect([current.id === old.id, current.subscribedEvents]).toEqual([false, ['*']]);
	});

	it('keeps its subscription when the change does not touch the events', async () => {
		const { harness, node } = sandbox.trigger();
		await harness.activate();
		const original = await theSubscriptionOf(harness);

		// Saving with only an output option changed: n8n starts the workflow again with it.
		editParameters(node, { simplify: false });
		await harness.restart();

		expect(await theSubscriptionOf(harness)).toEqual(original);
	});
});

describe('deactivation', () => {
	it('deletes the subscription and forgets its secret and the events it emitted', async () => {
		const { harness } = sandbox.trigger();
		await harness.activate();
		await processMedia(emulator());
		await harness.waitForExecutions(1);
		expect(triggerStaticData(harness).recentDeliveries).toHaveLength(1);

		await harness.deactivate();

		expect(await subscriptionCount()).toBe(0);
		expect(triggerStaticData(harness)).toEqual({});
		expect(methodsOf(harness).at(-1)).toBe('production:delete=true');
	});

	it('succeeds when the subscription is already gone at ContentGroove (404)', async () => {
		const { harness } = sandbox.trigger();
		await harness.activate();
		await deleteSubscriptionBehindOurBack((await theSubscriptionOf(harness)).id);

		const { api: requests } = await requestsDuring(emulator(), async () => await harness.deactivate());

		const deletes = requests.filter((request) => request.method === 'DELETE');
		expect(deletes).toHaveLength(1);
		expect(deletes[0].status).toBe(404);
		const call = harness.webhookMethodCalls().at(-1)!;
		expect([call.method, call.result, call.error]).toEqual(['delete', true, undefined]);
		expect(await subscriptionCount()).toBe(0);
	});

	it('deletes a twin for its URL too', async () => {
		const { harness } = sandbox.trigger();
		await harness.activate();
		await createSubscriptionBehindOurBack(harness.webhookUrl(), ['*']);

		await harness.deactivate();

		expect(await subscriptionCount()).toBe(0);
	});

	it('registers afresh, with a new secret, when activated again', async () => {
		const { harness } = sandbox.trigger();
		await harness.activate();
		const first = await theSubscriptionOf(harness);
		await harness.deactivate();
		await harness.activate();

		const second = await theSubscriptionOf(harness);
		expect(second.id).not.toBe(first.id);
		expect(secretOf(second.url)).not.toBe(secretOf(first.url));
	});
});

describe('listen for test event', () => {
	it('registers the test URL beside the production one, and removes only it', async () => {
		const { harness } = sandbox.trigger();
		await harness.activate();
		const production = await theSubscriptionOf(harness);

		await harness.listenForTestEvent();

		const test = await subscriptionsFor(emulator(), harness.webhookUrl('test'));
		expect(test).toHaveLength(1);
		expect(test[0].subscribedEvents).toEqual([PROCESSING_FINISHED]);
		expect(secretOf(test[0].url)).not.toBe(secretOf(production.url));
		expect(await subscriptionCount()).toBe(2);

		await harness.stopListening();

		expect(await emulator().control.subscriptions()).toEqual([production]);
		expect(triggerStaticData(harness)).toEqual({ subscriptionId: production.id, secret: secretOf(production.url) });
	});

	it('leaves nothing behind for an inactive workflow', async () => {
		const { harness } = sandbox.trigger();
		await harness.listenForTestEvent();
		expect(await subscriptionsFor(emulator(), harness.webhookUrl('test'))).toHaveLength(1);
		await harness.stopListening();
		expect(await subscriptionCount()).toBe(0);
	});

	it('replaces a test subscription left over from an earlier session', async () => {
		const { harness } = sandbox.trigger();
		await harness.start();
		// n8n lost a listening session (e.g. it was restarted) without removing its subscription.
		const leftover = await createSubscriptionBehindOurBack(`${harness.webhookUrl('test')}?cg_secret=${'1'.repeat(64)}`, [
			PROCESSING_FINISHED,
		]);
		await harness.listenForTestEvent();

		const current = await subscriptionsFor(emulator(), harness.webhookUrl('test'));
		expect(current).toHaveLength(1);
		expect(current[0].id).not.toBe(leftover);
	});
});

describe('several triggers', () => {
	it('each holds its own subscription; deactivating one leaves the other', async () => {
		const first = sandbox.trigger();
		const second = sandbox.trigger({ parameters: { events: ['*'] } });
		await first.harness.activate();
		await second.harness.activate();
		expect(first.harness.webhookUrl()).not.toBe(second.harness.webhookUrl());
		const secondSubscription = await theSubscriptionOf(second.harness);
		expect(await subscriptionCount()).toBe(2);

		await first.harness.restart();
		await second.harness.restart();
		expect(await subscriptionCount()).toBe(2);

		await first.harness.deactivate();
		expect(await emulator().control.subscriptions()).toEqual([secondSubscription]);
	});
});

describe('any sequence', () => {
	it('holds one subscription per active trigger and listening session, and none otherwise', async () => {
		const { harness, node } = sandbox.trigger();
		const steps: Array<[string, () => Promise<void>, number]> = [
			['activate', async () => await harness.activate(), 1],
			['restart', async () => await harness.restart(), 1],
			['listen', async () => await harness.listenForTestEvent(), 2],
			['restart while listening', async () => await harness.restart(), 2],
			['stop listening', async () => await harness.stopListening(), 1],
			['save with new events', async () => {
				await harness.deactivate();
				editParameters(node, { events: ['*'] });
				await harness.activate('update');
			}, 1],
			['restart', async () => await harness.restart(), 1],
			['deactivate', async () => await harness.deactivate(), 0],
			['listen while inactive', async () => await harness.listenForTestEvent(), 1],
			['re-activate while listening', async () => await harness.activate(), 2],
			['stop listening', async () => await harness.stopListening(), 1],
			['restart', async () => await harness.restart(), 1],
			['deactivate', async () => await harness.deactivate(), 0],
		];
		const counts: Array<[string, number]> = [];
		for (const [name, step] of steps) {
			await step();
			counts.push([name, await subscriptionCount()]);
		}
		expect(counts).toEqual(steps.map(([name, , expected]) => [name, expected]));
		expect(harness.webhookMethodCalls().filter((call) => call.error !== undefined)).toEqual([]);
	});
});

describe('when ContentGroove fails', () => {
	it('fails activation with the API error when the list cannot be read, having created nothing', async () => {
		// 401 is not retried (a 5xx on a GET would be, and then succeed).
		await emulator().control.injectFault({ method: 'GET', path: '^/api/v1/webhook_subscriptions$', status: 401 });
		const { harness } = sandbox.trigger();

		await expect(harness.activate()).rejects.toMatchObject({ httpCode: '401' });

		expect(methodsOf(harness)).toEqual(['production:checkExists=undefined']);
		expect(harness.isActive()).toBe(false);
		expect(await subscriptionCount()).toBe(0);
		await harness.activate();
		expect(await subscriptionCount()).toBe(1);
	});

	it('fails activation when the create is refused (quota), leaving nothing to clean up', async () => {
		await emulator().control.injectFault({ method: 'POST', path: '^/api/v1/webhook_subscriptions$', status: 402 });
		const { harness } = sandbox.trigger();

		await expect(harness.activate()).rejects.toMatchObject({ httpCode: '402' });

		expect(methodsOf(harness)).toEqual(['production:checkExists=false', 'production:create=undefined']);
		expect(await subscriptionCount()).toBe(0);
		expect(triggerStaticData(harness)).toEqual({});
	});

	it('creates exactly one subscription when ContentGroove was briefly unavailable (503, retried)', async () => {
		await emulator().control.injectFault({ method: 'POST', path: '^/api/v1/webhook_subscriptions$', status: 503, retryAfter: 0 });
		const { harness } = sandbox.trigger();

		await harness.activate();

		expect(await subscriptionCount()).toBe(1);
		expect(triggerStaticData(harness).subscriptionId).toBe((await theSubscriptionOf(harness)).id);
	});
});

describe('misconfiguration: a local webhook URL for a public ContentGroove', () => {
	it('fails activation before any request, explaining WEBHOOK_URL', async () => {
		const { harness } = sandbox.trigger({
			webhookBaseUrl: 'http://localhost:5678',
			baseUrl: 'https://api.contentgroove.com',
		});

		const failure = await harness.activate().then(
			() => undefined,
			(error: unknown) => error,
		);

		// Had it sent a request (to the listing, or a create), the error would be that request's.
		expect(failure).toBeInstanceOf(NodeOperationError);
		const { message, description } = failure as NodeOperationError;
		expect(message).toContain('http://localhost:5678');
		expect(message).toContain('api.contentgroove.com');
		expect(description).toContain('WEBHOOK_URL');
		expect(methodsOf(harness)).toEqual(['production:checkExists=undefined']);
		expect(harness.isActive()).toBe(false);
	});

	it('accepts a local webhook URL when ContentGroove is local too (the sandbox)', async () => {
		const { harness } = sandbox.trigger({ webhookBaseUrl: 'http://localhost:5678' });
		await harness.activate();
		const [subscription] = await emulator().control.subscriptions();
		expect(subscription.url.startsWith('http://localhost:5678/webhook/')).toBe(true);
	});

	it('accepts a public webhook URL (e.g. a tunnel) whatever the Base URL', async () => {
		const { harness } = sandbox.trigger({ webhookBaseUrl: 'https://n8n.example.com' });
		await harness.activate();
		expect((await theSubscriptionOf(harness)).url.startsWith('https://n8n.example.com/webhook/')).toBe(true);
	});
});
