import type { EmulatorContext } from '../context';
import { invalidAttribute, noContent, notFound, type Reply } from '../replies';
import { subscriptionResource } from '../serializers';
import { now, type WebhookSubscription } from '../store';
import { checkAttributes, isHttpUrl, readAttributes } from './attributes';
import { listReply, withSelfLink } from './listing';
import type { ApiRequest, Route } from './types';

const FILTERABLE = ['id', 'active', 'created_at', 'updated_at', 'url', 'subscribed_events'] as const;

function list(context: EmulatorContext, request: ApiRequest): Reply {
	return listReply(context, request, [...context.store.subscriptions.values()], {
		filterable: FILTERABLE,
		rowOf: (subscription) => ({ ...subscriptionResource(subscription).attributes, id: subscription.id }),
		serialize: subscriptionResource,
		paging: 'all',
	});
}

function create(context: EmulatorContext, request: ApiRequest): Reply {
	const read = readAttributes(request.body);
	if (!('attributes' in read)) return read;
	const { attributes } = read;
	const invalid = checkAttributes(attributes, { url: 'string', subscribed_events: 'string[]' }, ['url']);
	if (invalid) return invalid;
	if (!isHttpUrl(attributes.url as string)) return invalidAttribute('url', 'url must be an http(s) URL');
	const events = (attributes.subscribed_events as string[] | undefined) ?? [];
	const createdAt = now();
	const subscription: WebhookSubscription = {
		id: context.store.newId(),
		url: attributes.url as string,
		subscribedEvents: events.length ? events : ['*'],
		active: true,
		createdAt,
		updatedAt: createdAt,
	};
	context.store.subscriptions.set(subscription.id, subscription);
	return withSelfLink(request, subscriptionResource(subscription));
}

function show(context: EmulatorContext, request: ApiRequest): Reply {
	const subscription = context.store.subscriptions.get(request.params.id);
	return subscription ? withSelfLink(request, subscriptionResource(subscription)) : notFound();
}

function remove(context: EmulatorContext, request: ApiRequest): Reply {
	return context.store.subscriptions.delete(request.params.id) ? noContent() : notFound();
}

export const webhookSubscriptionRoutes: Route[] = [
	{ method: 'GET', pattern: /^\/api\/v1\/webhook_subscriptions$/, handler: list },
	{ method: 'POST', pattern: /^\/api\/v1\/webhook_subscriptions$/, handler: create },
	{ method: 'GET', pattern: /^\/api\/v1\/webhook_subscriptions\/(?<id>[^/]+)$/, handler: show },
	{ method: 'DELETE', pattern: /^\/api\/v1\/webhook_subscriptions\/(?<id>[^/]+)$/, handler: remove },
];
