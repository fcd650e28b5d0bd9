#!/usr/bin/env bash
# A copy of the committed repository, in a temporary folder with nothing beside it, installs, builds,
# starts the sandbox and passes two vendors' engine tests: the project needs no file outside itself.
# Every step is bounded by `timeout`; the copy and the sandbox are removed on exit, whatever happens.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
copy="$work/repo"
sandbox_pid=""
cleanup() {
	if [ -n "$sandbox_pid" ]; then kill -TERM -- "-$sandbox_pid" 2>/dev/null || true; fi
	rm -rf "$work"
}
trap cleanup EXIT

mkdir "$copy"
git -C "$repo" archive --format=tar HEAD | tar -x -C "$copy"
# The copy's only neighbour is nothing: no shared/ (nor anything else) beside it.
[ "$(ls -A "$work")" = "repo" ] || { echo "no-shared-check: $work is not empty beside the copy" >&2; exit 1; }
cd "$copy"
echo "no-shared-check: copy of $(git -C "$repo" rev-parse --short HEAD) in $copy"

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
echo "no-shared-check: passed"
