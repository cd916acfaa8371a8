import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { createSandbox, keyLeaks, type Sandbox } from './lib/sandbox';
import { loadExample, loadWorkflow } from './lib/workflows';

/**
 * Every action of the ContentGroove node in real n8n: workflows of test/e2e/workflows run with
 * `n8n execute` (the CLI runs them in its own process against the instance's database; no server
 * needed), and each node's OUTPUT is checked against the emulator's state.
 */
function sha256(bytes: Buffer): string {
	return createHash('sha256').update(bytes).digest('hex');
}

describe('ContentGroove node actions in real n8n', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await createSandbox('e2e-actions', { processingDelayMs: 1500, clipRenderDelayMs: 300 });
	});
	afterAll(async () => sandbox?.close());

	async function run(file: string, values: Record<string, string> = {}) {
		return await runWorkflow(loadWorkflow(file, values));
	}

	async function runWorkflow(workflow: { id: string }) {
		await sandbox.n8n.importWorkflow(workflow);
		const result = await sandbox.n8n.execute(workflow.id);
		expect(result.error).toBeUndefined();
		return result;
	}

	/** Random bytes stand in for a video: the emulator does not decode media, it hashes uploads. */
	function writeSampleVideo(fileName: string): { sample: Buffer; sampleFile: string } {
		const sample = randomBytes(256 * 1024);
		const sampleFile = path.join(sandbox.n8n.home, 'files', fileName);
		mkdirSync(path.dirname(sampleFile), { recursive: true });
		writeFileSync(sampleFile, sample);
		return { sample, sampleFile };
	}

	it('media: upload, wait until processed, get, update, get many; create from URL, delete', async () => {
		const { sample, sampleFile } = writeSampleVideo('e2e-sample.mp4');
		const result = await run('media.json', { SAMPLE_FILE: sampleFile });

		const [uploaded] = result.json('Upload Media');
		expect(uploaded).toEqual(
			expect.objectContaining({ id: expect.any(String), name: 'E2E upload', description: 'Uploaded by the e2e suite', source_url: null }),
		);
		const [upload] = (await sandbox.emulator.control.uploads()).filter((blob) => blob.uploaded);
		expect(upload).toEqual(expect.objectContaining({ bytes: sample.length, sha256: sha256(sample) }));

		const [processed] = result.json('Wait Until Processed');
		expect(processed).toEqual(expect.objectContaining({ id: uploaded.id, is_processing: false, transcription_id: expect.any(String) }));
		expect(processed.clip_ids).toHaveLength(3); // the emulator's suggested clips per media

		expect(result.json('Get Media')).toEqual([expect.objectContaining({ id: uploaded.id, is_processing: false, clip_ids: processed.clip_ids })]);
		expect(result.json('Update Media')).toEqual([
			expect.objectContaining({ id: uploaded.id, name: 'E2E renamed upload', description: 'Renamed by the e2e suite' }),
		]);
		expect(result.json('Get Many Medias')).toEqual([expect.objectContaining({ id: uploaded.id, name: 'E2E renamed upload' })]);

		const [fromUrl] = result.json('Create Media From URL');
		expect(fromUrl).toEqual(
			expect.objectContaining({ id: expect.any(String), name: 'E2E from URL', source_url: 'https://videos.example.com/e2e-talk.mp4' }),
		);
		expect(result.json('Delete Media')).toEqual([expect.objectContaining({ id: fromUrl.id, deleted: true })]);
		const medias = await sandbox.emulator.control.medias();
		expect(medias.map((media) => media.id)).toEqual([uploaded.id]);
		expect(medias[0].name).toBe('E2E renamed upload');
	});

	it('clips: create, get, get many, update, download, delete', async () => {
		const result = await run('clips.json');

		const [media] = result.json('Create Processed Media');
		expect(media).toEqual(expect.objectContaining({ name: 'E2E clip source', is_processing: false }));
		const [clip] = result.json('Create Clip');
		expect(clip).toEqual(
			expect.objectContaining({ id: expect.any(String), media_id: media.id, name: 'E2E clip', start_time: 5, end_time: 15, is_processing: false }),
		);
		expect(result.json('Get Clip')).toEqual([expect.objectContaining({ id: clip.id, name: 'E2E clip' })]);
		const listed = result.json('Get Many Clips');
		expect(listed.map((item) => item.id).sort()).toEqual([...(media.clip_ids as string[]), clip.id].sort());
		expect(listed.every((item) => item.media_id === media.id)).toBe(true);
		expect(result.json('Update Clip')).toEqual([expect.objectContaining({ id: clip.id, name: 'E2E clip renamed', end_time: 20 })]);

		// The download waited for the re-render after the update, and holds exactly the rendered file.
		const [downloaded] = result.items('Download Clip');
		expect(downloaded.json).toEqual(expect.objectContaining({ id: clip.id, end_time: 20, is_processing: false }));
		const video = downloaded.binary!.video;
		expect(video).toEqual(expect.objectContaining({ mimeType: 'video/mp4', fileName: 'E2E-clip-renamed.mp4' }));
		const file = await sandbox.emulator.control.clipFile(String(clip.id));
		const bytes = readFileSync(sandbox.n8n.binaryFile(video));
		expect({ size: bytes.length, sha256: sha256(bytes) }).toEqual({ size: file.size, sha256: file.sha256 });

		const deletion = await run('clip-delete.json', { CLIP_ID: String(clip.id) });
		expect(deletion.json('Delete Clip')).toEqual([expect.objectContaining({ id: clip.id, deleted: true })]);
		await expect(sandbox.emulator.control.clipFile(String(clip.id))).rejects.toThrow(/404/);
	});

	it('webhook subscriptions: create, get, get many, delete', async () => {
		const result = await run('webhook-subscriptions.json');
		const [created] = result.json('Create Subscription');
		expect(created).toEqual(
			expect.objectContaining({
				id: expect.any(String),
				url: 'https://hooks.example.com/e2e-subscriptions',
				subscribed_events: ['media.processing_finished'],
				active: true,
			}),
		);
		expect(result.json('Get Subscription')).toEqual([expect.objectContaining({ id: created.id, url: created.url })]);
		expect(result.json('Get Many Subscriptions')).toEqual([expect.objectContaining({ id: created.id })]);
		expect(result.json('Delete Subscription')).toEqual([expect.objectContaining({ id: created.id, deleted: true })]);
		expect(await sandbox.emulator.control.subscriptions()).toEqual([]);
	});

	it('the example workflow of examples/ uploads a video, waits, lists its clips and downloads one', async () => {
		const { sampleFile } = writeSampleVideo('example-video.mp4');
		const result = await runWorkflow(loadExample('upload-wait-list-download.json', sampleFile));

		const [media] = result.json('Wait Until Processed');
		expect(media).toEqual(expect.objectContaining({ name: 'example-video.mp4', is_processing: false }));
		const clips = result.json('Get Clips');
		expect(clips.map((clip) => clip.id).sort()).toEqual([...(media.clip_ids as string[])].sort());
		const [downloaded] = result.items('Download Clip');
		expect(downloaded.json.id).toBe(clips[0].id);
		const file = await sandbox.emulator.control.clipFile(String(clips[0].id));
		expect(sha256(readFileSync(sandbox.n8n.binaryFile(downloaded.binary!.video)))).toBe(file.sha256);
	});

	it('sent only valid requests and never wrote the API key to its log', async () => {
		expect(await sandbox.emulator.control.violations()).toEqual([]);
		expect(keyLeaks(sandbox)).toEqual([]);
	});
});
