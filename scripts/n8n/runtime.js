'use strict';
/**
 * Helpers to drive a real n8n (installed by ./install.js) from tests and from `npm start`; one require for all of
 * them. Each concern lives in its own file:
 *
 *   processes.js         child processes in their own process groups, tracked and killed on exit (guard.js)
 *   ports.js, scratch.js free ports; temp folders and cross-process locks (pids.js: is a pid alive)
 *   provision.js         the n8n install and the pack's tarball
 *   instance.js          one n8n user folder: CLI commands and the editor (`n8n start`)
 *   communityPackage.js  the pack installed as n8n's community-package installer does
 *   editorRest.js        the editor's REST API: owner session, executions
 *
 *   const rt = require('./scripts/n8n/runtime');
 *   const tarball = await rt.packProject();                     // npm run build + npm pack
 *   const n8n = await rt.createN8n();                           // throwaway N8N_USER_FOLDER
 *   await n8n.installPack(tarball);                             // as n8n's community-package installer does
 *   await n8n.importCredentials([{ id, name, type, data }]);
 *   await n8n.importWorkflow(workflowJson);
 *   const run = await n8n.execute(workflowJson.id);             // { ok, code, data, stdout, stderr }
 *   const editor = await n8n.startEditor({ port: 5678 });       // { url, email, password, cookie, stop() }
 *   await n8n.dispose();                                        // kills its processes, removes a temp folder
 *
 * Plain Node with JSDoc types (checked by tsc, `checkJs`), so `npm start` runs without a build step.
 */
const { ensureN8n } = require('./install');
const { REPO_ROOT } = require('./pack');
const {
	cleanEnv,
	installSignalHandlers,
	killAll,
	runCommand,
	spawnTracked,
	stopProcess,
	trackedProcesses,
} = require('./processes');
const { freePort, portIsFree } = require('./ports');
const { ensureN8nInstalled, packProject } = require('./provision');
const {
	createN8n,
	DEFAULT_ENCRYPTION_KEY,
	DEFAULT_OWNER,
	N8nInstance,
	parseTrailingJson,
} = require('./instance');
const { editorRest, getExecution, runManually, waitForExecution } = require('./editorRest');

/** @typedef {import('./install').N8nInstall} N8nInstall */
/** @typedef {import('./processes').CommandResult} CommandResult */
/** @typedef {import('./instance').OwnerAccount} OwnerAccount */
/** @typedef {import('./instance').CredentialImport} CredentialImport */
/** @typedef {import('./instance').WorkflowJson} WorkflowJson */
/** @typedef {import('./instance').ExecuteResult} ExecuteResult */
/** @typedef {import('./instance').Editor} Editor */
/** @typedef {import('./instance').ExportedNode} ExportedNode */
/** @typedef {import('./communityPackage').InstalledPack} InstalledPack */
/** @typedef {import('./communityPackage').RecordedPackage} RecordedPackage */
/** @typedef {import('./editorRest').NodeRunData} NodeRunData */
/** @typedef {import('./editorRest').StoredExecution} StoredExecution */

module.exports = {
	REPO_ROOT,
	DEFAULT_OWNER,
	DEFAULT_ENCRYPTION_KEY,
	ensureN8nInstalled,
	ensureN8n,
	packProject,
	createN8n,
	N8nInstance,
	parseTrailingJson,
	runCommand,
	spawnTracked,
	stopProcess,
	killAll,
	installSignalHandlers,
	cleanEnv,
	freePort,
	portIsFree,
	trackedProcesses,
	editorRest,
	getExecution,
	waitForExecution,
	runManually,
};
