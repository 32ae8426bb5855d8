#!/usr/bin/env bash
# Whole-process times of docchat commands against the JVM floor, medians of N rounds in one run: wall clock, and CPU
# (user + system, which a loaded machine inflates less). Each round runs every command once, in turn.
# Usage: scripts/startup-times.sh DATA_HOME [ROUNDS] [BASELINE_JAR]
#   DATA_HOME must hold a folder "docs" (./docchat ingest docs --folder docs --home DATA_HOME).
#   "launcher" rows run ./docchat (with its class-data sharing archive, made first if missing, and its JVM options);
#   "no archive" rows run it with DOCCHAT_CDS=off; "java -jar" rows run the jar bare, as without the launcher;
#   BASELINE_JAR, if given, is another build's jar run bare, for a same-run comparison.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
home=$1; n=${2:-7}; baseline=${3:-}
launcher=$root/docchat
jar=$(ls "$root"/app-cli/target/docchat-app-cli-*-all.jar | head -1)
question='What is the bulk insert rate of the SQLite store?'
"$launcher" --version > /dev/null   # makes the archive if it is missing, outside the timed rounds

# Prints "NAME WALL_MS CPU_MS" for one run of the command; a failing command stops the script.
t() {
  local name=$1; shift
  local out
  out=$( { /usr/bin/time -f '%e %U %S' "$@" > /dev/null 2> /dev/null; } 2>&1 ) || { echo "failed: $*" >&2; exit 1; }
  echo "$name $out" | awk '{ printf "%s %.0f %.0f\n", $1, $2 * 1000, ($3 + $4) * 1000 }'
}

for i in $(seq "$n"); do
  t java-version java -version
  t version.launcher "$launcher" --version
  t version.java-jar java -jar "$jar" --version
  t ask.launcher "$launcher" ask --home "$home" --folder docs "$question"
  t ask.launcher-no-archive env DOCCHAT_CDS=off "$launcher" ask --home "$home" --folder docs "$question"
  t ask.java-jar java -jar "$jar" ask --home "$home" --folder docs "$question"
  if [ -n "$baseline" ]; then
    t ask.baseline-java-jar java -jar "$baseline" ask --home "$home" --folder docs "$question"
  fi
  t keys-list.launcher "$launcher" keys list --home "$home"
  t keys-list.launcher-no-archive env DOCCHAT_CDS=off "$launcher" keys list --home "$home"
done | python3 -c '
import sys, statistics, collections
wall = collections.defaultdict(list); cpu = collections.defaultdict(list)
for line in sys.stdin:
    k, w, c = line.split(); wall[k].append(int(w)); cpu[k].append(int(c))
floor = statistics.median(wall["java-version"])
print(f"{\"command\":32} {\"wall median\":>12} {\"wall min\":>9} {\"CPU median\":>11} {\"x java -version\":>16}")
for k in wall:
    w = statistics.median(wall[k])
    print(f"{k:32} {w:10.0f}ms {min(wall[k]):7d}ms {statistics.median(cpu[k]):9.0f}ms {w / floor:15.1f}x  (n={len(wall[k])})")
'
