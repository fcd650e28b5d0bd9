'use strict';
/** Whether a process lives, for locks and guards that must tell a live owner from a dead one. */

/**
 * True while `pid` runs (also when it is another user's: EPERM).
 * @param {number} pid
 */
function pidAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return /** @type {NodeJS.ErrnoException} */ (e).code === 'EPERM';
	}
}

module.exports = { pidAlive };
