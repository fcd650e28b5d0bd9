'use strict';
/** TCP ports on 127.0.0.1 for the processes the tests and `npm start` run. */
const net = require('node:net');

/**
 * A port nothing listens on right now (the OS picks it).
 * @returns {Promise<number>}
 */
function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.once('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = /** @type {net.AddressInfo} */ (srv.address());
			srv.close(() => resolve(port));
		});
	});
}

/**
 * Whether `port` can be listened on at `host` now.
 * @param {number} port
 * @returns {Promise<boolean>}
 */
function portIsFree(port, host = '127.0.0.1') {
	return new Promise((resolve) => {
		const srv = net.createServer();
		srv.once('error', () => resolve(false));
		srv.listen(port, host, () => srv.close(() => resolve(true)));
	});
}

module.exports = { freePort, portIsFree };
