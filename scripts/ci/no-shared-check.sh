#!/usr/bin/env bash
# A copy of the committed repository, in a temporary folder with nothing beside it, installs, builds,
# starts the sandbox, passes two vendors' engine tests and brings up the demo editor (`npm start`): the
# project needs no file outside itself (n8n comes from its cache, installed by scripts/n8n/install.js
# if missing). Every step is bounded by `timeout`; the copy and the processes it started are removed
# on exit, whatever happens.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
copy="$work/repo"
sandbox_pid=""
start_pid=""
cleanup() {
	if [ -n "$sandbox_pid" ]; then kill -TERM -- "-$sandbox_pid" 2>/dev/null || true; fi
	if [ -n "$start_pid" ]; then stop_start; fi
	rm -rf "$work"
}
# npm start stops n8n and its sandbox on SIGTERM; give it 30 s, then kill its process group.
stop_start() {
	kill -TERM -- "-$start_pid" 2>/dev/null || true
	for _ in $(seq 60); do
		kill -0 "$start_pid" 2>/dev/null || break
		sleep 0.5
	done
	kill -KILL -- "-$start_pid" 2>/dev/null || true
	start_pid=""
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir "$copy"
# NO_SHARED_REV checks another commit (e.g. one from before the fix, to see the check fail).
revision="${NO_SHARED_REV:-HEAD}"
git -C "$repo" archive --format=tar "$revision" | tar -x -C "$copy"
# The copy's only neighbour is nothing: no shared/ (nor anything else) beside it.
[ "$(ls -A "$work")" = "repo" ] || { echo "no-shared-check: $work is not empty beside the copy" >&2; exit 1; }
cd "$copy"
echo "no-shared-check: copy of $(git -C "$repo" rev-parse --short "$revision") in $copy"

timeout 900 npm ci --prefer-offline --no-audit --no-fund
timeout 600 npm run build

# The sandbox prints one JSON line once it listens; wait for it up to 60 s (0.5 s polls).
setsid npm run --silent sandbox -- --port 0 >"$work/sandbox.out" 2>"$work/sandbox.err" &
sandbox_pid=$!
for _ in $(seq 120); do
	[ -s "$work/sandbox.out" ] && break
	kill -0 "$sandbox_pid" 2>/dev/null || break
	sleep 0.5
done
if ! timeout 30 node -e '
	const line = require("node:fs").readFileSync(process.argv[1], "utf8").split("\n")[0];
	const started = JSON.parse(line);
	const vendors = Object.keys(started.vendors ?? {});
	if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(started.url) || vendors.length !== 5) throw new Error(`unexpected: ${line}`);
	fetch(`${started.url}/__admin`).then((answer) => console.log(`no-shared-check: sandbox at ${started.url} answers HTTP ${answer.status}; vendors ${vendors.join(", ")}`));
' "$work/sandbox.out"; then
	echo "no-shared-check: the sandbox did not print its JSON line" >&2
	cat "$work/sandbox.err" >&2
	exit 1
fi
kill -TERM -- "-$sandbox_pid"
wait "$sandbox_pid" 2>/dev/null || true
sandbox_pid=""

timeout 900 npx jest test/sandbox test/ultravox test/vobiz

# The demo editor on two free ports; "n8n is ready" within 10 minutes (0.5 s polls), then /healthz.
read -r n8n_port sandbox_port < <(node -e '
	const net = require("node:net");
	const free = () => new Promise((resolve) => { const server = net.createServer().listen(0, "127.0.0.1", () => { const { port } = server.address(); server.close(() => resolve(port)); }); });
	Promise.all([free(), free()]).then((ports) => console.log(ports.join(" ")));
')
setsid npm start -- --port "$n8n_port" --sandbox-port "$sandbox_port" >"$work/start.out" 2>"$work/start.err" &
start_pid=$!
for _ in $(seq 1200); do
	grep -q "n8n is ready" "$work/start.out" && break
	kill -0 "$start_pid" 2>/dev/null || break
	sleep 0.5
done
if ! grep -q "n8n is ready" "$work/start.out" || ! timeout 30 node -e '
	fetch(`http://localhost:${process.argv[1]}/healthz`).then((answer) => {
		if (answer.status !== 200) throw new Error(`/healthz answered ${answer.status}`);
		console.log(`no-shared-check: npm start: editor ready on port ${process.argv[1]}`);
	});
' "$n8n_port"; then
	echo "no-shared-check: npm start did not bring the editor up" >&2
	tail -20 "$work/start.out" "$work/start.err" >&2
	exit 1
fi
stop_start
echo "no-shared-check: passed"
