import { NodeApiError, NodeOperationError, type INode } from 'n8n-workflow';

import { assertNoSecret } from './secrets';

const SECRET = 'cg_live_0123456789';
const node: INode = { id: '1', name: 'ContentGroove', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} };

describe('assertNoSecret', () => {
	it('passes values that do not contain the secret', () => {
		expect(() => assertNoSecret([{ json: { id: 1 } }], SECRET)).not.toThrow();
	});

	it('finds the secret deep in items, without repeating it in its message', () => {
		expect(() => assertNoSecret([{ json: { nested: [{ header: `Bearer ${SECRET}` }] } }], SECRET)).toThrow(
			/leaked.*Bearer <SECRET>/,
		);
	});

	it("finds it in an error's message, description and cause's message", () => {
		const withMessage = new NodeOperationError(node, `key ${SECRET} refused`);
		const withDescription = new NodeOperationError(node, 'refused', { description: `key ${SECRET}` });
		const withCause = new NodeApiError(node, { message: 'x' }, { message: 'refused' });
		Object.defineProperty(withCause, 'cause', { value: new Error(`key ${SECRET}`), enumerable: false });

		for (const error of [withMessage, withDescription, withCause]) {
			expect(() => assertNoSecret({ error }, SECRET)).toThrow(/leaked/);
		}
	});

	it("ignores a cause's request internals, which n8n neither stores nor shows", () => {
		const error = new NodeOperationError(node, 'refused');
		const cause = Object.assign(new Error('Request failed with status code 401'), {
			config: { headers: { Authorization: `Bearer ${SECRET}` } },
		});
		Object.defineProperty(error, 'cause', { value: cause, enumerable: false });

		expect(() => assertNoSecret(error, SECRET)).not.toThrow();
	});
});
