import { readFileSync } from 'node:fs';

// CPU time of a process from /proc, for benches on a shared machine: other jobs' load stretches a
// process's wall time but hardly the CPU time it uses.

/** Linux's clock tick, in which /proc/<pid>/stat counts CPU time (USER_HZ, 100 on every Linux port n8n runs on). */
const TICKS_PER_SECOND = 100;

/** CPU time (user + system, all threads) a process has used so far, in ms; undefined once it is gone. */
export function cpuMsOf(pid: number | undefined): number | undefined {
	if (pid === undefined) return undefined;
	try {
		// The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		// utime and stime are fields 14 and 15 of stat, 12 and 13 after the command name.
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
	} catch {
		return undefined;
	}
}

/** A process's CPU time read at a moment (Date.now()). */
export interface CpuSample {
	at: number;
	cpuMs: number;
}

/**
 * The CPU time a process used between two moments, interpolated between the samples around each:
 * with samples every 100 ms, a run of several seconds is measured to about 1 %. Undefined when the
 * samples do not cover both moments.
 */
export function cpuMsBetween(samples: CpuSample[], from: number, to: number): number | undefined {
	const at = (moment: number) => {
		const after = samples.findIndex((sample) => sample.at >= moment);
		if (after <= 0) return undefined;
		const [a, b] = [samples[after - 1], samples[after]];
		return a.cpuMs + ((b.cpuMs - a.cpuMs) * (moment - a.at)) / Math.max(1, b.at - a.at);
	};
	const start = at(from);
	const end = at(to);
	return start === undefined || end === undefined ? undefined : end - start;
}
