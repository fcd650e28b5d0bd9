'use strict';
// A fresh transcript folder per `npm test`, so the leak scan reads only this run's outputs.
const { rmSync } = require('node:fs');
const path = require('node:path');

module.exports = async () => {
	for (const folder of ['transcripts', 'reliability']) {
		rmSync(path.resolve(__dirname, '..', '..', 'test-artifacts', folder), {
			recursive: true,
			force: true,
		});
	}
};
