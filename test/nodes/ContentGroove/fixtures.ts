import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Emulator } from '../../emulator';
import type { LoggedRequest } from '../../emulator/client';
import { api } from '../../emulator/testSupport';
import { createMediaDirectly, type Sandbox } from '../sandbox';

/** POSTs a JSON:API create straight to the emulator (not through our node) and returns the new id. */
export async function createDirectly(emulator: Emulator, path: string, attributes: IDataObject): Promise<string> {
	const response = await api(emulator, 'POST', path, { body: { data: { attributes } } });
	if (response.status !== 200) throw new Error(`Fixture POST ${path} failed (${response.status}): ${JSON.stringify(response.body)}`);
	return (response.body as { data: { id: string } }).data.id;
}

export async function createClipDirectly(
	emulator: Emulator,
	mediaId: string,
	attributes: IDataObject = {},
): Promise<string> {
	return await createDirectly(emulator, '/api/v1/clips', {
		name: 'Fixture clip',
		media_id: mediaId,
		start_time: 5,
		end_time: 12.5,
		...attributes,
	});
}

export async function createSubscriptionDirectly(emulator: Emulator, url: string, events = ['*']): Promise<string> {
	return await createDirectly(emulator, '/api/v1/webhook_subscriptions', { url, subscribed_events: events });
}

/** `count` objects made one after the other (so creation order is also `created_at` order). */
export async function createMany(count: number, create: (index: number) => Promise<string>): Promise<string[]> {
	const ids: string[] = [];
	for (let index = 0; index < count; index++) ids.push(await create(index));
	return ids;
}

export async function createMediasDirectly(
	emulator: Emulator,
	count: number,
	name = (index: number) => `Media ${String(index).padStart(3, '0')}`,
): Promise<string[]> {
	return await createMany(count, (index) =>
		createMediaDirectly(emulator, { source_url: `https://example.com/video-${index}.mp4`, name: name(index) }),
	);
}

/**
 * What reached the emulator (both hosts) while `action` ran: fixtures made before it are left
 * out, so a test can prove that its node run sent nothing, or exactly which requests.
 */
export async function requestsDuring<T>(
	emulator: Emulator,
	action: () => Promise<T>,
): Promise<{ result: T; requests: LoggedRequest[]; api: LoggedRequest[]; upload: LoggedRequest[] }> {
	const before = await emulator.control.requests();
	const lastId = before.length ? before[before.length - 1].id : 0;
	const result = await action();
	const requests = (await emulator.control.requests()).filter((request) => request.id > lastId);
	return {
		result,
		requests,
		api: requests.filter((request) => request.host === 'api'),
		upload: requests.filter((request) => request.host === 'upload'),
	};
}

/** The API's own answer for an object, to compare our node's output against. */
export async function getDirectly(emulator: Emulator, path: string): Promise<{ id: string; attributes: IDataObject }> {
	const response = await api(emulator, 'GET', path);
	if (response.status !== 200) throw new Error(`Fixture GET ${path} failed (${response.status})`);
	return (response.body as { data: { id: string; attributes: IDataObject } }).data;
}

/** Waits (without our node) until the emulator has rendered every one of the clips. */
export async function waitUntilRendered(emulator: Emulator, clipIds: string[]): Promise<void> {
	for (let attempt = 0; attempt < 500; attempt++) {
		const clips = await Promise.all(clipIds.map((id) => getDirectly(emulator, `/api/v1/clips/${id}`)));
		if (clips.every((clip) => clip.attributes.media_file_url)) return;
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
	throw new Error(`Clips ${clipIds.join(', ')} were not rendered in time`);
}

/** A required parameter left empty in the editor: n8n itself refuses to run the node, and nothing reaches the API. */
export async function expectRefusedByN8n(box: Sandbox, parameters: INodeParameters, message: string): Promise<void> {
	const { requests } = await requestsDuring(box.emulator, async () => {
		await expect(box.run(parameters)).rejects.toThrow(message);
	});
	expect(requests).toEqual([]);
}
