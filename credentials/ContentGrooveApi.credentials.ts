import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class ContentGrooveApi implements ICredentialType {
	name = 'contentGrooveApi';

	displayName = 'ContentGroove API';

	icon: Icon = { light: 'file:../icons/contentgroove.svg', dark: 'file:../icons/contentgroove.dark.svg' };

	documentationUrl = 'https://developers.contentgroove.com/api_reference';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'Create one on the API Keys page of ContentGroove (app.contentgroove.com/api_keys)',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			required: true,
			default: 'https://api.contentgroove.com',
			placeholder: 'e.g. https://api.contentgroove.com',
			description: 'Change only for a sandbox or a gateway in front of ContentGroove',
		},
	];

	// The header form keeps the key out of URLs (and so out of proxy and access logs).
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiKey}}',
			},
		},
	};

	// Listing webhook subscriptions is cheap, authenticated and has no side effects.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/api/v1/webhook_subscriptions',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'ContentGroove rejected the API key. Copy it again from app.contentgroove.com/api_keys.',
				},
			},
		],
	};
}
