import { ExecutionResult } from './lib/n8n';
import { eventually, executionsOf, runOf } from './lib/executions';
import { createSandbox, keyLeaks, type Sandbox } from './lib/sandbox';
import { loadWorkflow } from './lib/workflows';

/**
 * The ContentGroove Trigger in a real, published n8n workflow: n8n registers the production
 * webhook at the emulator on start, the emulator delivers "media.processing_finished" to it, and
 * the execution's output is read back through n8n's REST API.
 */
describe('ContentGroove Trigger in real n8n', () => {
	let sandbox: Sandbox;
	const workflow = loadWorkflow('trigger.json');

	beforeAll(async () => {
		// Processing finishes only when the test says so (control API), never on a timer.
		sandbox = await createSandbox('e2e-trigger', { processingDelayMs: Infinity });
		await sandbox.n8n.importWorkflow(workflow);
		// n8n 2.x regular mode: publish while n8n is stopped; `start` then registers the webhook.
		await sandbox.n8n.cli('publish:workflow', `--id=${workflow.id}`);
		await sandbox.n8n.start();
		await activationSettled(0);
		await sandbox.n8n.setupOwner();
	});
	afterAll(async () => sandbox?.close());

	async function subscriptions() {
		return await sandbox.emulator.control.subscriptions();
	}

	async function lastRequestId(): Promise<number> {
		return Math.max(0, ...(await sandbox.emulator.control.requests()).map((request) => request.id));
	}

	/**
	 * n8n activates published workflows after /healthz already answers: wait until the trigger's
	 * checkExists listed the subscriptions (after request `sinceId`) and the emulator then saw no
	 * request for 2 s, so that whatever create/delete follows has happened.
	 */
	async function activationSettled(sinceId: number): Promise<void> {
		await eventually(async () => {
			const requests = (await sandbox.emulator.control.requests()).filter((request) => request.id > sinceId);
			const listed = requests.some((request) => request.method === 'GET' && request.path.startsWith('/api/v1/webhook_subscriptions'));
			const quietSince = Date.parse(requests.at(-1)?.at ?? '');
			return listed && Date.now() - quietSince > 2000 ? true : undefined;
		}, 'the trigger activation to settle');
	}

	/** Creates a media at the emulator as any ContentGroove client would. */
	async function createMedia(name: string): Promise<string> {
		const response = await fetch(`${sandbox.emulator.url}/api/v1/medias`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${sandbox.apiKey}`, 'Content-Type': 'application/json' },
			body: JSON.stringify({ data: { type: 'medias', attributes: { name, source_url: 'https://videos.example.com/e2e-trigger.mp4' } } }),
		});
		expect(response.ok).toBe(true);
		return ((await response.json()) as { data: { id: string } }).data.id;
	}

	it('registers exactly one subscription, for its production webhook URL', async () => {
		const registered = await subscriptions();
		expect(registered).toHaveLength(1);
		expect(registered[0].url).toMatch(new RegExp(`^${sandbox.n8n.url}/webhook/.+[?&]cg_secret=[0-9a-f]{64}`));
	});

	/** Has the emulator finish a new media, and returns the execution its delivery started. */
	async function deliverProcessedMedia(name: string) {
		const before = await executionsOf(sandbox.n8n, workflow.id);
		const mediaId = await createMedia(name);
		await sandbox.emulator.control.finishProcessing(mediaId);
		const execution = await eventually(async () => {
			const [newest] = await executionsOf(sandbox.n8n, workflow.id);
			const done = newest && !before.some((e) => e.id === newest.id) && !['new', 'running'].includes(newest.status);
			return done ? newest : undefined;
		}, `the execution the delivery of media "${name}" started`);
		return { mediaId, execution };
	}

	it('runs the workflow when the emulator delivers a processed media: one item per clip', async () => {
		const { mediaId, execution } = await deliverProcessedMedia('E2E trigger media');
		expect(execution).toEqual(expect.objectContaining({ mode: 'webhook', status: 'success' }));
		expect((await sandbox.emulator.control.deliveries()).map((delivery) => delivery.status)).toEqual([200]);

		const media = (await sandbox.emulator.control.medias()).find((m) => m.id === mediaId)!;
		const clips = new ExecutionResult(await runOf(sandbox.n8n, execution.id)).json('ContentGroove Trigger');
		expect(clips).toHaveLength(3); // the emulator's suggested clips
		for (const clip of clips) expect(clip).toEqual(expect.objectContaining({ id: expect.any(String) }));
		expect(JSON.stringify(clips)).toContain(mediaId);
		expect(JSON.stringify(clips)).toContain(media.name);
	});

	// n8n 2.40 (workflow publication service, the default) keeps a published webhook registered
	// across restarts without calling checkExists/create again: the subscription must survive as is.
	it('after a restart, still has exactly one subscription, and deliveries still start the workflow', async () => {
		const before = await subscriptions();
		await sandbox.n8n.stop();
		await sandbox.n8n.start();
		const { execution } = await deliverProcessedMedia('E2E after restart');
		expect(execution.status).toBe('success');
		expect(await subscriptions()).toEqual(before);
	});

	// The legacy activation path calls checkExists → create at every start (where other triggers
	// duplicated their subscriptions): ours must adopt the one it has.
	it('after a restart on the legacy activation path, adopts its subscription instead of adding one', async () => {
		const before = await subscriptions();
		await sandbox.n8n.stop();
		const sinceId = await lastRequestId();
		await sandbox.n8n.start({ N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'false' });
		await activationSettled(sinceId);
		expect(await subscriptions()).toEqual(before);
		const { execution } = await deliverProcessedMedia('E2E after legacy restart');
		expect(execution.status).toBe('success');
	});

	it('refuses a forged delivery (wrong secret) with 401 and starts no execution', async () => {
		const [subscription] = await subscriptions();
		const forged = new URL(subscription.url);
		forged.searchParams.set('cg_secret', '0'.repeat(64));
		const executionsBefore = await executionsOf(sandbox.n8n, workflow.id);

		const response = await fetch(forged, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ event: 'media.processing_finished', data: { id: 'forged', type: 'medias', attributes: {} } }),
		});
		expect(response.status).toBe(401);
		await new Promise((resolve) => setTimeout(resolve, 2000));
		expect(await executionsOf(sandbox.n8n, workflow.id)).toEqual(executionsBefore);
	});

	it('removes its subscription when the workflow is deactivated', async () => {
		await sandbox.n8n.rest('POST', `/workflows/${workflow.id}/deactivate`, {});
		await eventually(async () => ((await subscriptions()).length === 0 ? true : undefined), 'no subscription left', 20_000);
		const deletions = (await sandbox.emulator.control.requests()).filter((request) => request.method === 'DELETE');
		expect(deletions).toHaveLength(1);
	});

	it('sent only valid requests and never wrote the API key to its log', async () => {
		await sandbox.n8n.stop();
		expect(await sandbox.emulator.control.violations()).toEqual([]);
		expect(keyLeaks(sandbox)).toEqual([]);
	});
});
