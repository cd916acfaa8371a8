import { createHash } from 'node:crypto';

import { deterministicBytes } from '../../harness';
import { MAX_UPLOAD_BYTES } from '../../../nodes/ContentGroove/transport/uploadFromBinary';
import { OversizedFile, OVERSIZED_FILE_TYPE } from '../OversizedFile.node';
import { apiRequests, useSandbox } from '../sandbox';

const sandbox = useSandbox();

async function sha256Of(seed: string, size: number): Promise<string> {
	const hash = createHash('sha256');
	for await (const chunk of deterministicBytes(seed, size)) hash.update(chunk as Buffer);
	return hash.digest('hex');
}

const upload = { resource: 'media', operation: 'upload', binaryPropertyName: 'data' };

describe('media: upload', () => {
	it.each(['default', 'filesystem'] as const)('uploads the bytes exactly, from %s binary data mode', async (mode) => {
		const size = 3 * 1024 * 1024 + 17;
		const { json, error } = await sandbox.run(upload, {
			binaryDataMode: mode,
			binary: { fileName: 'talk.mp4', mimeType: 'video/mp4', sizeBytes: size, seed: mode },
		});
		expect(error).toBeUndefined();

		const uploads = await sandbox.emulator.control.uploads();
		expect(uploads).toHaveLength(1);
		expect(uploads[0]).toMatchObject({ bytes: size, sha256: await sha256Of(mode, size) });
		expect(json[0]).toMatchObject({ name: 'talk.mp4', is_processing: true });

		const requests = await sandbox.emulator.control.requests();
		const put = requests.find((request) => request.host === 'upload');
		expect(put?.method).toBe('PUT');
		expect(put?.headers['content-length']).toBe(String(size));
		expect(put?.headers['transfer-encoding']).toBeUndefined();
		expect(put?.headers['content-type']).toBe('video/mp4');
		// The API key never goes to the file host, in any of the API's three forms.
		expect(put?.headers.authorization).toBeUndefined();
		expect(put?.headers['x-api-key']).toBeUndefined();
		expect(JSON.stringify(put)).not.toContain(sandbox.emulator.apiKey);

		const api = requests.filter((request) => request.host === 'api').map((r) => `${r.method} ${r.path}`);
		expect(api).toEqual(['GET /api/v1/direct_uploads', 'POST /api/v1/medias']);
		const create = requests.find((request) => request.method === 'POST');
		expect((create?.body as { data: { attributes: Record<string, unknown> } }).data.attributes).toEqual({
			upload_id: expect.any(String),
			name: 'talk.mp4',
		});
	});

	it('names the media and describes it from Additional Fields', async () => {
		const { json } = await sandbox.run(
			{ ...upload, additionalFields: { name: 'Keynote', description: 'Day one' } },
			{ binary: { sizeBytes: 1000, seed: 'named' } },
		);
		expect(json[0]).toMatchObject({ name: 'Keynote', description: 'Day one' });
	});

	it('uploads again from a fresh stream when the connection resets mid-upload', async () => {
		await sandbox.emulator.control.injectFault({ host: 'upload', method: 'PUT', path: '.*', resetAfterBytes: 256 * 1024, times: 1 });
		const size = 2 * 1024 * 1024;
		const { error } = await sandbox.run(upload, {
			binaryDataMode: 'filesystem',
			binary: { sizeBytes: size, seed: 'reset' },
		});
		expect(error).toBeUndefined();
		const puts = (await sandbox.emulator.control.requests()).filter((request) => request.host === 'upload');
		expect(puts).toHaveLength(2);
		const uploads = await sandbox.emulator.control.uploads();
		expect(uploads.filter((blob) => blob.bytes === size)).toHaveLength(1);
		expect(uploads.find((blob) => blob.bytes === size)?.sha256).toBe(await sha256Of('reset', size));
		expect((await sandbox.emulator.control.medias()).length).toBe(1);
	});

	it('refuses an empty file before any request', async () => {
		const { error } = await sandbox.run(upload, { binary: { sizeBytes: 0, seed: 'empty' } });
		expect(error?.message).toBe('The file in "data" is empty');
		expect(await sandbox.emulator.control.requests()).toEqual([]);
	});

	it('refuses a file over 5 GiB before any request', async () => {
		const { error } = await sandbox.run(upload, {
			binaryDataMode: 'filesystem',
			before: { name: 'Huge', type: OVERSIZED_FILE_TYPE, parameters: { sizeBytes: MAX_UPLOAD_BYTES + 1 } },
			nodeTypes: { [OVERSIZED_FILE_TYPE]: new OversizedFile() },
		});
		expect(error?.message).toContain('more than ContentGroove\'s 5 GiB limit');
		expect(error?.message).toContain(String(MAX_UPLOAD_BYTES + 1));
		expect(await sandbox.emulator.control.requests()).toEqual([]);
	});

	it('names the missing binary field', async () => {
		const { error } = await sandbox.run({ ...upload, binaryPropertyName: 'video' }, { binary: { sizeBytes: 10 } });
		expect(error?.message).toContain('video');
		expect(await apiRequests(sandbox.emulator)).toEqual([]);
	});

	it('fails clearly, creating nothing, when the file host keeps failing', async () => {
		await sandbox.emulator.control.injectFault({ host: 'upload', method: 'PUT', path: '.*', status: 500, times: 10 });
		const { error } = await sandbox.run(upload, { binary: { sizeBytes: 1000, seed: 'fail' } });
		expect(error?.message).toContain('Uploading "video.mp4" to ContentGroove\'s file host failed (status 500)');
		expect(error?.description).toContain('Nothing was created');
		expect(JSON.stringify({ message: error?.message, description: error?.description })).not.toMatch(/X-Amz-Signature/i);
		expect(await sandbox.emulator.control.medias()).toEqual([]);
	});
});
