'use strict';
// Child process: n8n already has n8n-workflow loaded when it imports a node, so that is loaded
// first and not counted; then every node and credential module of the built pack is required.
require('n8n-workflow');
const path = require('path');
const pkg = require('../package.json');
const started = process.hrtime.bigint();
for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
	const exported = require(path.join(__dirname, '..', file));
	for (const Class of Object.values(exported)) new Class();
}
process.stdout.write(`${Number(process.hrtime.bigint() - started) / 1e6}\n`);
