import { randomBytes } from 'crypto';
import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { JsonApiDocument, JsonApiResource } from '../ContentGroove/helpers/interfaces';
import { apiRequest, getBaseUrl } from '../ContentGroove/transport/apiRequest';
import { apiRequestAllItems } from '../ContentGroove/transport/pagination';
import { unreachableWebhookProblem, WEBHOOK_URL_HINT } from './webhookUrlCheck';

/** The query parameter that carries the delivery secret: ContentGroove signs nothing. */
export const SECRET_PARAMETER = 'cg_secret';

/** What the trigger keeps in the node's static data (saved by n8n at activation). */
export interface TriggerStaticData extends IDataObject {
	subscriptionId?: string;
	secret?: string;
	recentDeliveries?: string[];
}

function webhookUrlOf(context: IHookFunctions): string {
	const url = context.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(context.getNode(), 'n8n did not give this trigger a webhook URL');
	return url;
}

function chosenEvents(context: IHookFunctions): string[] {
	return [...(context.getNodeParameter('events', []) as string[])].sort();
}

function withoutQuery(url: string): string {
	const parsed = new URL(url);
	return `${parsed.origin}${parsed.pathname}`;
}

function secretOf(url: string): string | null {
	return new URL(url).searchParams.get(SECRET_PARAMETER);
}

function sameEvents(subscription: JsonApiResource, events: string[]): boolean {
	const subscribed = [...((subscription.attributes.subscribed_events as string[]) ?? [])].sort();
	return subscribed.length === events.length && subscribed.every((event, index) => event === events[index]);
}

async function allSubscriptions(this: IHookFunctions): Promise<JsonApiResource[]> {
	return await apiRequestAllItems.call(this, '/api/v1/webhook_subscriptions', {}, { paginated: false });
}

/** The subscriptions among `all` whose URL is this trigger's webhook URL. */
function forUrl(all: JsonApiResource[], webhookUrl: string): JsonApiResource[] {
	const target = withoutQuery(webhookUrl);
	return all.filter((subscription) => {
		const url = subscription.attributes.url;
		return typeof url === 'string' && URL.canParse(url) && withoutQuery(url) === target;
	});
}

/** Every subscription of the account whose URL is this trigger's webhook URL. */
async function subscriptionsForOurUrl(this: IHookFunctions, webhookUrl: string): Promise<JsonApiResource[]> {
	return forUrl(await allSubscriptions.call(this), webhookUrl);
}

async function deleteSubscription(this: IHookFunctions, id: string): Promise<void> {
	// Already gone (404) is what we wanted.
	await apiRequest.call(this, 'DELETE', `/api/v1/webhook_subscriptions/${id}`, {
		what: `Webhook subscription ${id}`,
		notFoundOk: true,
	});
}

async function assertContentGrooveCanReach(this: IHookFunctions, webhookUrl: string): Promise<void> {
	const problem = unreachableWebhookProblem(webhookUrl, await getBaseUrl.call(this));
	if (problem) throw new NodeOperationError(this.getNode(), problem, { description: WEBHOOK_URL_HINT });
}

/**
 * n8n calls this on activation (and at every start on its legacy activation path; 2.40+'s
 * publication service keeps stored webhooks instead). Rather than trusting a stored ID (the cause of
 * duplicate subscriptions in other triggers), it lists the account's subscriptions: one for our URL
 * with our events and our secret is adopted; any other for our URL (other events, a secret we no
 * longer know, a twin) is deleted, so ContentGroove never calls us with a secret we would refuse;
 * and so is the one we made for a previous webhook URL.
 */
export async function checkExists(this: IHookFunctions): Promise<boolean> {
	const webhookUrl = webhookUrlOf(this);
	await assertContentGrooveCanReach.call(this, webhookUrl);
	const staticData = this.getWorkflowStaticData('node') as TriggerStaticData;
	const events = chosenEvents(this);
	const all = await allSubscriptions.call(this);
	const ours = forUrl(all, webhookUrl);
	// The one this trigger registered for a URL it no longer has (n8n's WEBHOOK_URL changed):
	// nothing else would ever delete it, and ContentGroove would keep calling a dead address.
	const stale = all.find((s) => s.id === staticData.subscriptionId && !ours.includes(s));
	if (stale) await deleteSubscription.call(this, stale.id);

	const keep =
		ours.find((s) => s.id === staticData.subscriptionId && matches(s)) ?? ours.find((s) => matches(s));
	function matches(subscription: JsonApiResource): boolean {
		const secret = secretOf(String(subscription.attributes.url));
		return Boolean(staticData.secret) && secret === staticData.secret && sameEvents(subscription, events);
	}
	for (const subscription of ours) {
		if (subscription !== keep) await deleteSubscription.call(this, subscription.id);
	}
	if (!keep) return false;
	if (staticData.subscriptionId !== keep.id) staticData.subscriptionId = keep.id;
	return true;
}

/** Registers our webhook URL with a fresh random secret, and remembers both. */
export async function create(this: IHookFunctions): Promise<boolean> {
	const webhookUrl = webhookUrlOf(this);
	await assertContentGrooveCanReach.call(this, webhookUrl);
	const events = chosenEvents(this);
	if (events.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Events is empty', {
			description: 'Choose at least one event, e.g. Media Processing Finished.',
		});
	}
	const secret = randomBytes(32).toString('hex');
	const url = new URL(webhookUrl);
	url.searchParams.set(SECRET_PARAMETER, secret);
	const document = (await apiRequest.call(this, 'POST', '/api/v1/webhook_subscriptions', {
		body: { data: { attributes: { url: url.toString(), subscribed_events: events } } },
	})) as unknown as JsonApiDocument;

	const staticData = this.getWorkflowStaticData('node') as TriggerStaticData;
	staticData.subscriptionId = document.data.id;
	staticData.secret = secret;
	delete staticData.recentDeliveries;
	return true;
}

/** Removes every subscription for our URL (ours and any twin); 404 means it is already gone. */
export async function remove(this: IHookFunctions): Promise<boolean> {
	const webhookUrl = webhookUrlOf(this);
	const staticData = this.getWorkflowStaticData('node') as TriggerStaticData;
	const ours = await subscriptionsForOurUrl.call(this, webhookUrl);
	const ids = new Set(ours.map((subscription) => subscription.id));
	if (staticData.subscriptionId) ids.add(staticData.subscriptionId);
	for (const id of ids) await deleteSubscription.call(this, id);
	delete staticData.subscriptionId;
	delete staticData.secret;
	delete staticData.recentDeliveries;
	return true;
}
