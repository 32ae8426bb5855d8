#!/usr/bin/env bash
# HTTP load figures of the server (docs/BENCHMARKS.md, "HTTP server on Jetty"). Builds the test classes of
# adapters-http, then runs io.docchat.http.bench.HttpLoad <scenario> (loopback, slowloris, stalled, fuzz, all) and
# io.docchat.http.bench.StreamLoad (200 concurrent ChatStreams). Usage: scripts/http-load.sh [scenario] [count]
set -euo pipefail
cd "$(dirname "$0")/.."
repo=${MAVEN_REPO:-$HOME/.m2/repository}
./mvnw -B -ntp -q -Dmaven.repo.local="$repo" -pl adapters-http -am test-compile \
    dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/http-load.classpath
classpath="adapters-http/target/test-classes:adapters-http/target/classes:$(cat adapters-http/target/http-load.classpath)"
scenario=${1:-all}
if [[ "$scenario" == "streams" || "$scenario" == "all" ]]; then
    java -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "$classpath" io.docchat.http.bench.StreamLoad 200 40 20
fi
if [[ "$scenario" != "streams" ]]; then
    java -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "$classpath" io.docchat.http.bench.HttpLoad "$scenario" ${2:+"$2"}
fi
