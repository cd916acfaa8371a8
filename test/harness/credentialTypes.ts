import type { ICredentialType } from 'n8n-workflow';

import { ContentGrooveApi } from '../../credentials/ContentGrooveApi.credentials';
import { TestApi } from './testNodes/TestApi.credentials';

export function defaultCredentialTypes(): ICredentialType[] {
	return [new ContentGrooveApi(), new TestApi()];
}
