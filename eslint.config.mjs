// n8n's community-node rules: eslint-plugin-n8n-nodes-base (eslintrc-style configs, adapted to flat
// config here) and @n8n/eslint-plugin-community-nodes, the rules n8n's package scanner applies.
import communityNodes from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

const n8nBase = { 'n8n-nodes-base': n8nNodesBase };

export default [
	{ ignores: ['dist/**', 'node_modules/**', '.cache/**', 'test/**', 'scripts/**', 'examples/**', '*.js', '*.mjs'] },
	{
		files: ['**/*.ts'],
		languageOptions: { parser: tseslint.parser, parserOptions: { sourceType: 'module' } },
	},
	{
		files: ['package.json'],
		// The TypeScript parser, as n8n's scanner uses: the package.json rules walk its AST and
		// silently pass on a JSON parser's.
		languageOptions: { parser: tseslint.parser },
		plugins: n8nBase,
		rules: n8nNodesBase.configs.community.rules,
	},
	{
		files: ['credentials/**/*.ts'],
		plugins: n8nBase,
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// "Only applicable to nodes in the main repository": community credentials link a full URL.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		plugins: n8nBase,
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// The community rules (node-connection-type-literal) require NodeConnectionTypes.Main, which
			// this older plugin still wants spelled 'main'; the community rules are what n8n's scanner runs.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
	{ files: ['nodes/**/*.ts', 'credentials/**/*.ts', 'package.json'], ...communityNodes.configs.recommended },
];
