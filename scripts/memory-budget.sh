#!/usr/bin/env bash
# The server's memory budget (docs/BENCHMARKS.md, "Engine under load and faults"): starts `docchat serve` on a fresh
# data directory with the heap under test and a GC log, then runs io.docchat.http.bench.MemoryBudget against it:
# 200 ChatStreams without pause while large texts are uploaded over HTTP. Expects the shaded jar and the test
# classes of adapters-http to be built (./mvnw -pl app-cli -am install -DskipTests builds both).
# Usage: scripts/memory-budget.sh [heap=1g] [uploadMegabytes=100,14] [clients=200] [port=18391]
set -euo pipefail
cd "$(dirname "$0")/.."
heap=${1:-1g}
uploads=${2:-100,14}
clients=${3:-200}
port=${4:-18391}
jar=$(ls app-cli/target/docchat-app-cli-*-all.jar | head -1)
work=$(mktemp -d)
java -Xmx"$heap" -XX:+ExitOnOutOfMemoryError -Xlog:gc:file="$work/gc.log" -jar "$jar" --home "$work/home" \
    serve --port "$port" > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/health" > /dev/null && break
    sleep 1
done
java -Xmx768m -cp "adapters-http/target/test-classes:adapters-http/target/classes:$jar" \
    io.docchat.http.bench.MemoryBudget "http://127.0.0.1:$port" "$server" "$uploads" "$clients" "$work/gc.log"
echo "server log: $work/server.log; OutOfMemoryError lines: $(grep -c OutOfMemoryError "$work/server.log" || true)"
kill -0 $server 2>/dev/null && echo "server still running after the load" || echo "server exited"
