'use strict';
/**
 * Installing the pack into an n8n user folder the way n8n's community-package installer does, without the network
 * round trip through the editor: files under `.n8n/nodes/`, rows in n8n's database.
 */
const fs = require('node:fs');
const fsp = require('node:fs/promises');
const os = require('node:os');
const path = require('node:path');
const { cleanEnv, runChecked } = require('./processes');

/** @typedef {import('./install').N8nInstall} N8nInstall */

/**
 * @typedef {object} InstalledPack
 * @property {string} name
 * @property {string} version
 * @property {string} dir
 * @property {{ nodes?: string[]; credentials?: string[]; [key: string]: unknown }} n8n
 */

/**
 * @typedef {object} RecordedPackage
 * @property {string} packageName
 * @property {string} installedVersion
 * @property {string | null} authorName
 * @property {string | null} authorEmail
 * @property {Array<{ name: string; type: string; latestVersion: number }>} nodes
 */

/**
 * Run under n8n's Node with n8n's own sqlite3: `node -e <this> <sqlite3 dir> <database> <json>`. Replaces the
 * package's rows in one transaction. Timestamps are written explicitly: the sqlite migration's column default is a
 * quoted string, not a time.
 */
const RECORD_PACKAGE_SCRIPT = `
const [sqlite3Dir, database, json] = process.argv.slice(1);
const { row, nodes } = JSON.parse(json);
const db = new (require(sqlite3Dir).Database)(database);
const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
const fail = (e) => { if (e) { process.stderr.write(e.message + '\\n'); process.exit(1); } };
db.serialize(() => {
	db.run('BEGIN');
	db.run('DELETE FROM installed_nodes WHERE package = ?', [row.packageName], fail);
	db.run('DELETE FROM installed_packages WHERE packageName = ?', [row.packageName], fail);
	db.run('INSERT INTO installed_packages (packageName, installedVersion, authorName, authorEmail, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)',
		[row.packageName, row.installedVersion, row.authorName, row.authorEmail, now, now], fail);
	for (const n of nodes) db.run('INSERT INTO installed_nodes (name, type, latestVersion, package) VALUES (?, ?, ?, ?)', [n.name, n.type, n.latestVersion, row.packageName], fail);
	db.run('COMMIT', fail);
});
db.close(fail);
`;

/**
 * Installs a pack tarball the way n8n's community-package installer (n8n 2.x `downloadPackage`) does: unpack into
 * `.n8n/nodes/node_modules/<name>/`, drop dev/peer/optional dependencies from its package.json,
 * `npm install --ignore-scripts` inside it (under n8n's Node), and list it under dependencies in
 * `.n8n/nodes/package.json`. Replaces a previously installed copy.
 * @param {string} n8nFolder  the user folder's `.n8n`
 * @param {N8nInstall} install
 * @param {string} tarball
 * @returns {Promise<InstalledPack>}
 */
async function installPack(n8nFolder, install, tarball) {
	const nodesDir = path.join(n8nFolder, 'nodes');
	const staging = await fsp.mkdtemp(path.join(os.tmpdir(), 'sip-unpack-'));
	try {
		await runChecked('tar', ['-xzf', path.resolve(tarball), '-C', staging]);
		const unpacked = path.join(staging, 'package');
		const pkgFile = path.join(unpacked, 'package.json');
		const pkg = JSON.parse(await fsp.readFile(pkgFile, 'utf8'));
		delete pkg.devDependencies;
		delete pkg.peerDependencies;
		delete pkg.optionalDependencies;
		await fsp.writeFile(pkgFile, JSON.stringify(pkg, null, 2) + '\n');

		const dir = path.join(nodesDir, 'node_modules', ...pkg.name.split('/'));
		await fsp.rm(dir, { recursive: true, force: true });
		await fsp.mkdir(path.dirname(dir), { recursive: true });
		await fsp.cp(unpacked, dir, { recursive: true });
		await runChecked(
			'npm',
			['install', '--ignore-scripts', '--no-audit', '--no-fund', '--omit=dev', '--loglevel=warn'],
			{
				cwd: dir,
				env: { ...cleanEnv(), PATH: `${install.nodeBinDir}${path.delimiter}${process.env.PATH}` },
			},
		);

		const manifestFile = path.join(nodesDir, 'package.json');
		let manifest = { name: 'installed-nodes', private: true, dependencies: {} };
		try {
			manifest = JSON.parse(await fsp.readFile(manifestFile, 'utf8'));
		} catch {
			/* first package */
		}
		manifest.dependencies = { ...(manifest.dependencies || {}), [pkg.name]: pkg.version };
		await fsp.writeFile(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
		return { name: pkg.name, version: pkg.version, dir, n8n: pkg.n8n };
	} finally {
		await fsp.rm(staging, { recursive: true, force: true });
	}
}

/**
 * Run under n8n's Node: `node -e <this> <package dir> <json list of node files>`; prints the nodes' descriptions
 * (name, displayName, version) as JSON. n8n-workflow resolves through NODE_PATH, as n8n resolves it for the packages
 * it loads.
 */
const DESCRIBE_NODES_SCRIPT = `
const path = require('node:path');
const [dir, files] = process.argv.slice(1);
const described = JSON.parse(files).flatMap((file) =>
	Object.values(require(path.join(dir, file))).map((Node) => {
		const { name, displayName, version } = new Node().description;
		return { name, displayName, version };
	}),
);
process.stdout.write(JSON.stringify(described));
`;

/**
 * The descriptions of an installed package's nodes. A package without n8n's lazy-loading metadata (dist/types is
 * left out of the tarballs by package.json `files`) is asked by requiring its node files, as n8n loads it then.
 * @param {N8nInstall} install
 * @param {InstalledPack} installed
 * @returns {Promise<Array<{ name: string; displayName: string; version: number | number[] }>>}
 */
async function nodeDescriptionsOf(install, installed) {
	const typesFile = path.join(installed.dir, 'dist', 'types', 'nodes.json');
	if (fs.existsSync(typesFile)) return JSON.parse(await fsp.readFile(typesFile, 'utf8'));
	const n8nModules = path.resolve(path.dirname(install.n8nBin), '..', '..');
	const { stdout } = await runChecked(
		install.nodeBin,
		['-e', DESCRIBE_NODES_SCRIPT, installed.dir, JSON.stringify(installed.n8n.nodes ?? [])],
		{ env: { ...cleanEnv(), NODE_PATH: n8nModules } },
	);
	return JSON.parse(stdout);
}

/**
 * Records an installed pack in n8n's database as the community-package installer does once it has loaded it
 * (n8n 2.x `InstalledPackagesRepository.persistPackageWithNodes`): one `installed_packages` row and one
 * `installed_nodes` row per node. Without them Settings → Community Nodes lists nothing, although the nodes load
 * from `.n8n/nodes`. The database must exist (any n8n command creates and migrates it).
 * @param {string} database  the user folder's `.n8n/database.sqlite`
 * @param {N8nInstall} install
 * @param {InstalledPack} installed  installPack's answer
 * @returns {Promise<RecordedPackage>}
 */
async function recordInstalledPackage(database, install, installed) {
	if (!fs.existsSync(database)) throw new Error(`no n8n database at ${database}`);
	const pkg = JSON.parse(await fsp.readFile(path.join(installed.dir, 'package.json'), 'utf8'));
	const types = await nodeDescriptionsOf(install, installed);
	const nodes = [...new Map(types.map((d) => [d.name, d])).values()].map((d) => ({
		name: d.displayName,
		type: `${pkg.name}.${d.name}`,
		latestVersion: Math.max(...[d.version].flat()),
	}));
	const row = {
		packageName: pkg.name,
		installedVersion: pkg.version,
		authorName: pkg.author?.name ?? null,
		authorEmail: pkg.author?.email ?? null,
	};
	const sqlite3 = path.resolve(path.dirname(install.n8nBin), '..', '..', 'sqlite3');
	await runChecked(
		install.nodeBin,
		['-e', RECORD_PACKAGE_SCRIPT, sqlite3, database, JSON.stringify({ row, nodes })],
		{ env: cleanEnv() },
	);
	return { ...row, nodes };
}

module.exports = { installPack, recordInstalledPackage };
