import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { ContentGrooveTrigger } from '../../../nodes/ContentGrooveTrigger/ContentGrooveTrigger.node';
import type { TriggerHarness } from '../../harness';
import { createClipDirectly } from '../ContentGroove/fixtures';
import { createMediaDirectly } from '../sandbox';
import { specCallbackExample } from './callbackExample';
import {
	postDelivery,
	PROCESSING_FINISHED,
	TRIGGER_NAME,
	triggerStaticData,
	useTriggerSandbox,
	waitForAttempts,
} from './triggerSandbox';

const sandbox = useTriggerSandbox();
const emulator = () => sandbox.emulator();

const MEDIA_ID = '9b9a2e82-5b47-4f59-831d-4c239824b983';
const EXAMPLE_KEY = `${PROCESSING_FINISHED}:${MEDIA_ID}:2022-10-14T21:23:42.628Z`;
const EXAMPLE_TEXT = expect.stringMatching(/^He landed in the sea south of Bermuda .* Lieutenant Colonel John H\. Glenn\.$/);

interface Resource {
	id: string;
	type: string;
	attributes: IDataObject;
}
interface Delivered {
	event: string;
	payload: { data: Resource; included: Resource[] };
}

async function activeTrigger(parameters: INodeParameters = {}): Promise<TriggerHarness> {
	const { harness } = sandbox.trigger({ parameters });
	await harness.activate();
	return harness;
}

/** POSTs `body` to the trigger as ContentGroove would (right secret), and returns what it emitted. */
async function emitted(harness: TriggerHarness, body: unknown): Promise<IDataObject[]> {
	const secret = triggerStaticData(harness).secret!;
	const before = harness.executions().length;
	const response = await postDelivery(harness.webhookUrl(), body, secret);
	expect(response).toEqual({ status: 200, body: { message: 'Workflow was started' } });
	const executions = await harness.waitForExecutions(before + 1);
	const execution = executions.at(-1)!;
	expect(execution.result.error).toBeUndefined();
	// What the workflow run holds for the trigger is what it emitted.
	expect(execution.result.outputOf(TRIGGER_NAME).map((item) => item.json)).toEqual(execution.items.map((item) => item.json));
	return execution.items.map((item) => item.json);
}

/** Processes a media at the emulator; returns the emitted items and the body the emulator sent. */
async function processed(harness: TriggerHarness, prepare?: (mediaId: string) => Promise<void>) {
	const mediaId = await createMediaDirectly(emulator(), { source_url: 'https://example.com/talk.mp4', name: 'Talk' });
	await prepare?.(mediaId);
	await emulator().control.finishProcessing(mediaId);
	const [execution] = await harness.waitForExecutions(1);
	const [attempt] = await waitForAttempts(emulator(), (log) => log.length > 0);
	return { mediaId, json: execution.items.map((item) => item.json), body: attempt.body as Delivered };
}

const clipsOf = (body: Delivered) => body.payload.included.filter((resource) => resource.type === 'clips');
const transcriptionOf = (body: Delivered) =>
	body.payload.included.find((resource) => resource.type === 'transcriptions')!.attributes.text;

describe("the spec's callback example", () => {
	const example = specCallbackExample();
	const { data, included } = (example as unknown as Delivered).payload;

	it('Simplify: one item with the media, the transcription text and its clip', async () => {
		const harness = await activeTrigger();

		const items = await emitted(harness, example);

		expect(items).toEqual([
			{
				event: PROCESSING_FINISHED,
				dedupeKey: EXAMPLE_KEY,
				id: MEDIA_ID,
				...data.attributes,
				clip_ids: [MEDIA_ID],
				transcription: EXAMPLE_TEXT,
				clips: [{ id: MEDIA_ID, ...included[0].attributes }],
			},
		]);
		expect(items[0]).toMatchObject({ name: 'Chimp Into Space', source_url: 'https://archive.org/download/SF143/SF143_512kb.mp4' });
		expect(items[0].clips).toEqual([
			expect.objectContaining({ name: 'john h. glenn, kindly air force base hospital', start_time: '57.71', end_time: '96.63', rank: 0 }),
		]);
	});

	it('One Item per Clip: the clip with its media id and name', async () => {
		const harness = await activeTrigger({ options: { oneItemPerClip: true } });

		const items = await emitted(harness, example);

		expect(items).toEqual([
			{
				event: PROCESSING_FINISHED,
				dedupeKey: `${EXAMPLE_KEY}:${MEDIA_ID}`,
				media_id: MEDIA_ID,
				media_name: 'Chimp Into Space',
				id: MEDIA_ID,
				...included[0].attributes,
			},
		]);
	});

	it('Simplify off: the body as delivered, plus dedupeKey', async () => {
		const harness = await activeTrigger({ simplify: false });

		const items = await emitted(harness, example);

		expect(items).toEqual([{ ...example, dedupeKey: EXAMPLE_KEY }]);
	});
});

describe('deliveries of the emulator', () => {
	it('Simplify: the media, its transcription and its three suggested clips by rank', async () => {
		const harness = await activeTrigger();

		const { mediaId, json, body } = await processed(harness);

		expect(json).toHaveLength(1);
		const [item] = json;
		const { data } = body.payload;
		expect(item).toEqual({
			event: PROCESSING_FINISHED,
			dedupeKey: `${PROCESSING_FINISHED}:${mediaId}:${String(data.attributes.processing_started_at)}`,
			id: mediaId,
			...data.attributes,
			clip_ids: clipsOf(body).map((clip) => clip.id),
			transcription_id: expect.any(String),
			transcription: transcriptionOf(body),
			clips: expect.any(Array),
		});
		expect(item).toMatchObject({ name: 'Talk', is_processing: false, has_fetch_error: false });
		expect(item.transcription).toEqual(expect.stringMatching(/\w+ \w+/));

		const clips = item.clips as IDataObject[];
		expect(clips).toHaveLength(3);
		expect(clips.map((clip) => clip.rank)).toEqual([0, 1, 2]);
		for (const clip of clips) {
			const delivered = clipsOf(body).find((resource) => resource.id === clip.id)!;
			expect(clip).toEqual({ id: delivered.id, ...delivered.attributes });
			expect(clip).toMatchObject({
				name: expect.any(String),
				start_time: expect.any(Number),
				end_time: expect.any(Number),
				text: expect.any(String),
				media_file_url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/clips\//),
			});
			expect(clip).not.toHaveProperty('media_id');
			expect(item.transcription as string).toContain(clip.text as string);
		}
	});

	it("lists a user's own clips (no rank) after the suggested ones, whatever the order delivered", async () => {
		const harness = await activeTrigger();
		const { json, body } = await processed(harness, async (mediaId) => {
			await createClipDirectly(emulator(), mediaId, { name: 'Mine' });
		});
		expect((json[0].clips as IDataObject[]).map((clip) => clip.rank)).toEqual([0, 1, 2, null]);
		expect((json[0].clips as IDataObject[])[3].name).toBe('Mine');

		// The same body with its clips in reverse order, as another processing run.
		const reversed = structuredClone(body);
		reversed.payload.included.reverse();
		reversed.payload.data.attributes.processing_started_at = new Date().toISOString();
		const [again] = await emitted(harness, reversed);
		expect((again.clips as IDataObject[]).map((clip) => clip.rank)).toEqual([0, 1, 2, null]);
	});

	it('One Item per Clip: one item per clip by rank, each with its media and its own dedupeKey', async () => {
		const harness = await activeTrigger({ options: { oneItemPerClip: true } });

		const { mediaId, json, body } = await processed(harness);

		const mediaKey = `${PROCESSING_FINISHED}:${mediaId}:${String(body.payload.data.attributes.processing_started_at)}`;
		const byRank = [...clipsOf(body)].sort((a, b) => Number(a.attributes.rank) - Number(b.attributes.rank));
		expect(json).toEqual(
			byRank.map((clip) => ({
				event: PROCESSING_FINISHED,
				dedupeKey: `${mediaKey}:${clip.id}`,
				media_id: mediaId,
				media_name: 'Talk',
				id: clip.id,
				...clip.attributes,
			})),
		);
		expect(new Set(json.map((item) => item.dedupeKey)).size).toBe(3);
	});

	it('Simplify off: exactly the body ContentGroove sent, plus dedupeKey', async () => {
		const harness = await activeTrigger({ simplify: false });

		const { mediaId, json, body } = await processed(harness);

		expect(json).toEqual([{ ...body, dedupeKey: `${PROCESSING_FINISHED}:${mediaId}:${String(body.payload.data.attributes.processing_started_at)}` }]);
	});

	it('Simplify off ignores a leftover One Item per Clip', async () => {
		const harness = await activeTrigger({ simplify: false, options: { oneItemPerClip: true } });
		const { json, body } = await processed(harness);
		expect(json).toEqual([{ ...body, dedupeKey: expect.any(String) }]);
	});

	describe('a media ContentGroove could not fetch', () => {
		const failing = async () => {
			const mediaId = await createMediaDirectly(emulator(), { source_url: 'https://videos.invalid/missing.mp4' });
			await emulator().control.finishProcessing(mediaId);
			return mediaId;
		};

		it('Simplify: the media with has_fetch_error, no transcription and no clips', async () => {
			const harness = await activeTrigger();
			const mediaId = await failing();
			const [execution] = await harness.waitForExecutions(1);
			expect(execution.items.map((item) => item.json)).toEqual([
				expect.objectContaining({ id: mediaId, has_fetch_error: true, transcription: null, clips: [] }),
			]);
		});

		it('One Item per Clip: with no clip to emit, the event item, so the workflow hears of the failure', async () => {
			const harness = await activeTrigger({ options: { oneItemPerClip: true } });
			const mediaId = await failing();
			const [execution] = await harness.waitForExecutions(1);
			expect(execution.items.map((item) => item.json)).toEqual([
				expect.objectContaining({ id: mediaId, has_fetch_error: true, clips: [] }),
			]);
		});
	});
});

describe('the node description', () => {
	const description = new ContentGrooveTrigger().description;

	it('answers ContentGroove as soon as a delivery is received, on POST', () => {
		expect(description.webhooks).toEqual([expect.objectContaining({ httpMethod: 'POST', responseMode: 'onReceived' })]);
	});

	it('offers both events, Simplify on and the options with their defaults', () => {
		const events = description.properties.find((property) => property.name === 'events')!;
		expect(events.options).toEqual([
			expect.objectContaining({ name: 'Media Processing Finished', value: PROCESSING_FINISHED }),
			expect.objectContaining({ name: 'All Events', value: '*' }),
		]);
		expect(events.default).toEqual([PROCESSING_FINISHED]);
		expect(description.properties.find((property) => property.name === 'simplify')!.default).toBe(true);
		const options = description.properties.find((property) => property.name === 'options')!.options as unknown as IDataObject[];
		expect(options.map(({ name, default: byDefault }) => [name, byDefault])).toEqual([
			['ignoreRepeatedDeliveries', true],
			['oneItemPerClip', false],
		]);
	});
});
