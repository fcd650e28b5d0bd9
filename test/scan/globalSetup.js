'use strict';
// A fresh transcript folder per `npm test`, so the leak scan reads only this run's outputs.
const { rmSync } = require('node:fs');
const path = require('node:path');

module.exports = async () => {
	rmSync(path.resolve(__dirname, '..', '..', 'test-artifacts', 'transcripts'), { recursive: true, force: true });
};
