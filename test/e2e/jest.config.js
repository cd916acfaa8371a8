/**
 * The e2e suite: a real n8n 2.x server with this package installed from its npm tarball, against the
 * ContentGroove emulator. `npm run test:e2e` (installs n8n into .cache/ on first use).
 * Files run one at a time: each starts its own n8n, and n8n is heavy for 2 cores.
 */
const path = require('node:path');

module.exports = {
	rootDir: __dirname,
	testEnvironment: 'node',
	testMatch: ['<rootDir>/**/*.e2e.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: path.join(__dirname, '../../tsconfig.json') }],
	},
	globalSetup: '<rootDir>/globalSetup.ts',
	maxWorkers: 1,
	// Starting n8n alone takes 10–30 s; a workflow with media processing takes more.
	testTimeout: 240_000,
	slowTestThreshold: 60,
};
