/** Tests run TypeScript sources directly; n8n-core executes our node classes in its real engine. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
	transform: {
		'^.+\\.ts$': 'ts-jest',
	},
	testTimeout: 60000,
};
