#!/usr/bin/env bash
# Whole-process wall times of docchat commands against the JVM floor, medians of N rounds in one run.
# Usage: scripts/startup-times.sh JAR DATA_HOME [ROUNDS]; DATA_HOME must hold a folder "docs" (./docchat ingest docs --folder docs).
jar=$1; home=$2; n=${3:-7}
t() { local s=$(date +%s%N); "$@" > /dev/null 2>&1; echo $(( ($(date +%s%N) - s) / 1000000 )); }
for i in $(seq $n); do
  echo "java-version $(t java -version)"
  echo "docchat-version $(t java -jar $jar --version)"
  echo "docchat-ask $(t java -jar $jar ask --home $home --folder docs 'What is the bulk insert rate of the SQLite store?')"
  echo "docchat-keys-list $(t java -jar $jar keys list --home $home)"
done | python3 -c '
import sys, statistics, collections
d = collections.defaultdict(list)
for line in sys.stdin:
    k, v = line.split(); d[k].append(int(v))
for k, v in d.items():
    print(f"{k} median {statistics.median(v):.0f} ms (n={len(v)}), min {min(v)} ms")
'
