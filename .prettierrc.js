// The formatter settings of n8n's own node tooling: the same as the n8n-nodes-starter's and the @n8n/node-cli
// template's .prettierrc.js (tabs, single quotes, trailing commas, 100 columns).
module.exports = {
	semi: true,
	trailingComma: 'all',
	bracketSpacing: true,
	useTabs: true,
	tabWidth: 2,
	arrowParens: 'always',
	singleQuote: true,
	quoteProps: 'as-needed',
	endOfLine: 'lf',
	printWidth: 100,
};
