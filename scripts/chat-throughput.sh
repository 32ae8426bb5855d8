#!/usr/bin/env bash
# ChatStream throughput as a share of Retrieve's (docs/BENCHMARKS.md, "Engine under load and faults"): starts
# `docchat serve` on a fresh data directory, then runs `StreamLoad throughput` against it: N clients send Retrieve
# and ChatStream back to back, in turns of the same run. Expects the shaded jar and the test classes of
# adapters-http to be built (./mvnw -pl app-cli -am install -DskipTests builds both).
# Usage: scripts/chat-throughput.sh [retrieval=lexical] [clients=200] [seconds=15] [rounds=3] [port=18394]
# With JFR=1 the server records a flight recording of the run into the printed directory; JAR=path runs another
# build's shaded jar as the server (to compare two builds; the load client stays this build's).
set -euo pipefail
cd "$(dirname "$0")/.."
retrieval=${1:-lexical}
clients=${2:-200}
seconds=${3:-15}
rounds=${4:-3}
port=${5:-18394}
jar=${JAR:-$(ls app-cli/target/docchat-app-cli-*-all.jar | head -1)}
work=$(mktemp -d)
jfr=()
if [[ "${JFR:-0}" == "1" ]]; then
    jfr=(-XX:StartFlightRecording=filename="$work/server.jfr",settings=profile)
fi
java -Xmx1g "${jfr[@]}" -jar "$jar" --home "$work/home" --retrieval "$retrieval" serve --port "$port" \
    > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/health" > /dev/null && break
    sleep 1
done
echo "server pid $server, directory $work"
java -Xmx768m -cp "adapters-http/target/test-classes:adapters-http/target/classes:$jar" \
    io.docchat.http.bench.StreamLoad throughput "$clients" "$seconds" "$rounds" "http://127.0.0.1:$port"
