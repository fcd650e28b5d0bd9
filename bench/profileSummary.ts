import { readFileSync } from 'node:fs';

/**
 * Where a `node --cpu-prof` profile of n8n spent its time (`BENCH_CPU_PROF=<dir> npm run bench -- n8n`
 * writes one per `n8n execute`): self time by package and the functions with the most self time.
 *
 *   npx ts-node --transpile-only bench/profileSummary.ts <file.cpuprofile> [top=25] [function]
 *
 * With a function name (e.g. `getParameterValue`), it prints instead who asks for that function's
 * work: its time and its callees', by the nearest caller outside n8n-workflow and the expression runtime.
 * With `--inclusive`, the pack's functions with the time of everything they call.
 */

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}

interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

/** The package a script belongs to (`n8n-core`, `@n8n/expression-runtime`), or what else it is. */
export function packageOf(url: string): string {
	if (!url) return '(native, GC and idle)';
	const parts = url.replace(/^file:\/\//, '').split('/node_modules/');
	if (parts.length === 1) return url.startsWith('node:') ? 'node internals' : 'other';
	const last = parts[parts.length - 1].split('/');
	const name = last[0].startsWith('@') ? `${last[0]}/${last[1]}` : last[0];
	return name === 'n8n-nodes-sip-credentials' ? 'this pack' : name;
}

/** A profile's frames by id, each frame's parent, the self time (µs) sampled in each, and their sum. */
function indexed(profile: Profile) {
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const parent = new Map<number, number>();
	for (const node of profile.nodes)
		for (const child of node.children ?? []) parent.set(child, node.id);
	const self = new Map<number, number>();
	profile.samples.forEach((id, n) =>
		self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[n] ?? 0)),
	);
	const total = [...self.values()].reduce((sum, value) => sum + value, 0);
	return { byId, parent, self, total };
}

/**
 * Who calls `functionName` (self time of it and of everything it calls), by the nearest frame
 * outside the packages in `through`: e.g. which n8n-core or pack code asks for expression work.
 */
export function callersOf(profile: Profile, functionName: string, through: string[], top = 25) {
	const { byId, parent, self, total } = indexed(profile);
	const byCaller = new Map<string, number>();
	for (const [id, micros] of self) {
		// Bounded by the stack's depth: each step goes one frame up to the root.
		let at: number | undefined = id;
		let inside = false;
		let caller: string | undefined;
		while (at !== undefined) {
			const { callFrame } = byId.get(at)!;
			if (!inside && callFrame.functionName === functionName) inside = true;
			else if (
				inside &&
				callFrame.functionName !== functionName &&
				!through.includes(packageOf(callFrame.url))
			) {
				caller = `${callFrame.functionName || '(anonymous)'} ${packageOf(callFrame.url)}:${callFrame.lineNumber + 1}`;
				break;
			}
			at = parent.get(at);
		}
		if (inside) byCaller.set(caller ?? '(root)', (byCaller.get(caller ?? '(root)') ?? 0) + micros);
	}
	return [...byCaller.entries()]
		.sort((a, b) => b[1] - a[1])
		.slice(0, top)
		.map(([name, micros]) => ({ name, ms: micros / 1000, share: micros / total }));
}

/**
 * Time spent inside each function of a package, callees included (a sample counts once for every
 * distinct function of the package on its stack): what the pack's own functions cost with the
 * n8n work they ask for, e.g. the parameter reads and credential reads of one operation.
 */
export function inclusiveIn(profile: Profile, pkg: string, top = 25) {
	const { byId, parent, self, total } = indexed(profile);
	const byFunction = new Map<string, number>();
	for (const [id, micros] of self) {
		const seen = new Set<string>();
		// Bounded by the stack's depth: each step goes one frame up to the root.
		for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
			const { functionName, url, lineNumber } = byId.get(at)!.callFrame;
			if (packageOf(url) !== pkg) continue;
			seen.add(`${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`);
		}
		for (const key of seen) byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
	}
	return [...byFunction.entries()]
		.sort((a, b) => b[1] - a[1])
		.slice(0, top)
		.map(([name, micros]) => ({ name, ms: micros / 1000, share: micros / total }));
}

export function summarize(profile: Profile, top = 25) {
	const { byId, self, total } = indexed(profile);
	const byPackage = new Map<string, number>();
	const byFunction = new Map<string, number>();
	for (const [id, micros] of self) {
		const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
		const pkg = packageOf(url);
		byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + micros);
		const key = `${functionName || '(anonymous)'} ${pkg}${url ? `:${lineNumber + 1}` : ''}`;
		byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
	}
	const ranked = (map: Map<string, number>) =>
		[...map.entries()]
			.sort((a, b) => b[1] - a[1])
			.slice(0, top)
			.map(([name, micros]) => ({ name, ms: micros / 1000, share: micros / total }));
	return { totalMs: total / 1000, packages: ranked(byPackage), functions: ranked(byFunction) };
}

if (require.main === module) {
	const [file, top, callee] = process.argv.slice(2);
	const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
	const summary = summarize(profile, Number(top ?? 25));
	const line = (entry: { name: string; ms: number; share: number }) =>
		`${(entry.share * 100).toFixed(1).padStart(5)} %  ${entry.ms.toFixed(0).padStart(7)} ms  ${entry.name}`;
	if (callee === '--inclusive') {
		process.stdout.write(
			`this pack's functions, with what they call\n${inclusiveIn(
				profile,
				'this pack',
				Number(top ?? 25),
			)
				.map(line)
				.join('\n')}\n`,
		);
		process.exit(0);
	}
	if (callee) {
		const through = [
			'@n8n/expression-runtime',
			'n8n-workflow',
			'luxon',
			'lodash',
			'(native, GC and idle)',
			'node internals',
		];
		process.stdout.write(
			`${callee} and what it calls, by the nearest caller outside ${through.join(', ')}\n${callersOf(
				profile,
				callee,
				through,
				Number(top ?? 25),
			)
				.map(line)
				.join('\n')}\n`,
		);
		process.exit(0);
	}
	process.stdout.write(
		`total sampled ${summary.totalMs.toFixed(0)} ms\n\nself time by package\n${summary.packages.map(line).join('\n')}\n\nfunctions with the most self time\n${summary.functions.map(line).join('\n')}\n`,
	);
}
