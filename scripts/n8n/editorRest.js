'use strict';
/**
 * A started n8n editor (`n8n start`) over its REST API: readiness, the owner's session, and running workflows as
 * the editor's "Execute workflow" button does.
 */
const crypto = require('node:crypto');
const path = require('node:path');
const { tail } = require('./processes');

/** @typedef {import('./install').N8nInstall} N8nInstall */

/**
 * What a REST call as the owner needs.
 * @typedef {object} EditorSession
 * @property {string} url
 * @property {string} cookie  `n8n-auth=…` session cookie of the owner
 * @property {string} browserId  sent as header `browser-id` with the cookie
 */

/**
 * An n8n error as stored in a run (`resultData.error`).
 * @typedef {{ message: string; description?: string; node?: { name: string }; [key: string]: unknown }} RunError
 */

/**
 * One node's run in an execution's run data.
 * @typedef {object} NodeRunData
 * @property {number} startTime
 * @property {number} executionTime
 * @property {string} [executionStatus]
 * @property {{ message: string; description?: string; [key: string]: unknown }} [error]
 * @property {{ main: Array<Array<{ json: Record<string, unknown>; [key: string]: unknown }> | null> }} [data]
 */

/**
 * One execution as n8n stores it, its run data unpacked.
 * @typedef {object} StoredExecution
 * @property {string} id
 * @property {string} [status]  success | error | crashed | canceled | …
 * @property {boolean} [finished]
 * @property {string} [mode]  manual | webhook | trigger | …
 * @property {RunError} [error]
 * @property {Record<string, NodeRunData[]>} [runData]  node name → runs
 * @property {any} raw
 */

/** @typedef {{ timeoutMs?: number; intervalMs?: number }} WaitOptions */

/**
 * Waits (at most `timeoutMs`, polling every 250 ms) until `n8n start` answers its readiness check.
 * @param {string} url
 * @param {import('node:child_process').ChildProcess} child
 * @param {number} timeoutMs
 * @param {() => string} output  what n8n printed so far, for the error
 */
async function waitForReady(url, child, timeoutMs, output) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null)
			throw new Error(
				`n8n start exited early (${child.exitCode ?? child.signalCode}):\n${tail(output())}`,
			);
		try {
			const r = await fetch(`${url}/healthz/readiness`, { signal: AbortSignal.timeout(2000) });
			if (r.ok) return;
		} catch {
			/* not listening yet */
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`n8n start not ready on ${url} after ${timeoutMs} ms:\n${tail(output())}`);
}

/** @param {Response} res */
function sessionCookie(res) {
	const all =
		typeof res.headers.getSetCookie === 'function'
			? res.headers.getSetCookie()
			: [res.headers.get('set-cookie') || ''];
	const c = all.map((s) => s.split(';')[0]).find((s) => s.startsWith('n8n-auth='));
	return c || '';
}

/**
 * How long `POST /rest/owner/setup` may answer 404 before that counts as its answer: n8n 1.123.81 passes its readiness
 * check before the route is mounted and has answered 404 there for ~17 s on a busy 2-core machine; 60 s leaves room
 * for a slower start without hiding a route that never comes.
 */
const OWNER_SETUP_404_MS = 60_000;

/**
 * Creates the owner (first start) or logs in as it (persistent folder). A 404 from the setup route is retried every
 * `intervalMs` for at most `notFoundMs` (see OWNER_SETUP_404_MS); any other answer is final.
 * @param {string} url
 * @param {{ email: string; firstName: string; lastName: string; password: string }} owner
 * @param {{ notFoundMs?: number; intervalMs?: number }} [options]
 * @returns {Promise<{ cookie: string; browserId: string }>}
 */
async function setupOrLogin(
	url,
	owner,
	{ notFoundMs = OWNER_SETUP_404_MS, intervalMs = 500 } = {},
) {
	const browserId = crypto.randomUUID();
	const headers = { 'content-type': 'application/json', 'browser-id': browserId };
	const started = Date.now();
	let setup;
	let setupText;
	let tries = 0;
	// bounded: stops at the first answer other than 404, or once `notFoundMs` has passed
	for (;;) {
		tries++;
		setup = await fetch(`${url}/rest/owner/setup`, {
			method: 'POST',
			headers,
			body: JSON.stringify({
				email: owner.email,
				firstName: owner.firstName,
				lastName: owner.lastName,
				password: owner.password,
			}),
		});
		if (setup.ok) return { cookie: sessionCookie(setup), browserId };
		setupText = await setup.text();
		if (setup.status !== 404 || Date.now() - started >= notFoundMs) break;
		await new Promise((r) => setTimeout(r, intervalMs));
	}
	const waited =
		setup.status === 404 ? `, still 404 after ${tries} tries over ${Date.now() - started} ms` : '';
	const login = await fetch(`${url}/rest/login`, {
		method: 'POST',
		headers,
		body: JSON.stringify({
			emailOrLdapLoginId: owner.email,
			email: owner.email,
			password: owner.password,
		}),
	});
	if (login.ok) return { cookie: sessionCookie(login), browserId };
	throw new Error(
		`owner setup failed (${setup.status} ${setupText.slice(0, 500)}${waited}) and login failed (${login.status} ${(await login.text()).slice(0, 500)})`,
	);
}

/**
 * `fetch` on the editor's REST API as the owner. Resolves the parsed `data` of n8n's `{ data }` answer.
 * @param {EditorSession} editor
 * @param {string} method
 * @param {string} route
 * @param {unknown} [body]
 * @returns {Promise<any>}
 */
async function editorRest(editor, method, route, body) {
	const res = await fetch(`${editor.url}/rest${route}`, {
		method,
		headers: {
			cookie: editor.cookie,
			'browser-id': editor.browserId,
			...(body === undefined ? {} : { 'content-type': 'application/json' }),
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	if (!res.ok) throw new Error(`n8n ${method} /rest${route}: ${res.status} ${text.slice(0, 500)}`);
	return text ? JSON.parse(text).data : undefined;
}

/**
 * One execution as n8n stores it (`GET /rest/executions/:id`), with its run data unpacked (n8n stores it with
 * `flatted`, loaded from the n8n install).
 * @param {EditorSession} editor
 * @param {string} executionId
 * @param {N8nInstall} install
 * @returns {Promise<StoredExecution>}
 */
async function getExecution(editor, executionId, install) {
	const raw = await editorRest(editor, 'GET', `/executions/${executionId}`);
	let data;
	if (raw && typeof raw.data === 'string') {
		const n8nModules = path.resolve(path.dirname(install.n8nBin), '..', '..');
		data = require(path.join(n8nModules, 'flatted')).parse(raw.data);
	} else data = raw && raw.data;
	return {
		id: String(executionId),
		status: raw && raw.status,
		finished: raw && raw.finished,
		mode: raw && raw.mode,
		error: data && data.resultData && data.resultData.error,
		runData: data && data.resultData && data.resultData.runData,
		raw,
	};
}

/**
 * Waits (at most `timeoutMs`, default 5 minutes) until an execution has finished (any status but
 * new/running/waiting); resolves getExecution's answer.
 * @param {EditorSession} editor
 * @param {string} executionId
 * @param {N8nInstall} install
 * @param {WaitOptions} [options]
 * @returns {Promise<StoredExecution>}
 */
async function waitForExecution(
	editor,
	executionId,
	install,
	{ timeoutMs = 5 * 60_000, intervalMs = 250 } = {},
) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const execution = await getExecution(editor, executionId, install);
		if (execution.status && !['new', 'running', 'waiting', 'unknown'].includes(execution.status))
			return execution;
		if (Date.now() > deadline)
			throw new Error(`execution ${executionId} still ${execution.status} after ${timeoutMs} ms`);
		await new Promise((r) => setTimeout(r, intervalMs));
	}
}

/**
 * Runs a workflow as the editor's "Execute workflow" button does (`POST /rest/workflows/:id/run`, starting from the
 * trigger `trigger`) and waits for it to finish. Unlike `n8n execute`, this runs inside `n8n start`, where n8n's
 * backend modules (e.g. Data tables) are loaded. Resolves getExecution's answer.
 * @param {EditorSession} editor
 * @param {string} workflowId
 * @param {string} trigger
 * @param {N8nInstall} install
 * @param {WaitOptions} [options]
 * @returns {Promise<StoredExecution>}
 */
async function runManually(editor, workflowId, trigger, install, options) {
	const started = await editorRest(editor, 'POST', `/workflows/${workflowId}/run`, {
		triggerToStartFrom: { name: trigger },
	});
	if (!started || !started.executionId)
		throw new Error(`n8n did not start workflow ${workflowId}: ${JSON.stringify(started)}`);
	return waitForExecution(editor, started.executionId, install, options);
}

module.exports = {
	waitForReady,
	setupOrLogin,
	editorRest,
	getExecution,
	waitForExecution,
	runManually,
};
