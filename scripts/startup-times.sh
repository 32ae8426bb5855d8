#!/usr/bin/env bash
# Whole-process times of docchat commands against the JVM floor, medians of N rounds in one run: wall clock, and CPU
# (user + system, which a loaded machine inflates less). Each round runs every command once, in turn.
# Usage: scripts/startup-times.sh DATA_HOME [ROUNDS] [BASELINE_JAR]
#   DATA_HOME must hold a folder "docs" (./docchat ingest docs --folder docs --home DATA_HOME).
#   "launcher" rows run ./docchat (with its class-data sharing archive, made first if missing, and its JVM options);
#   "no archive" rows run it with DOCCHAT_CDS=off; "no cache" rows with DOCCHAT_CACHE_DIR=off (the models and native
#   libraries loaded from the jar at every start); "lexical" rows with DOCCHAT_RETRIEVAL_MODE=lexical (no embedding
#   model at all); "java -jar" rows run the jar bare, as without the launcher;
#   BASELINE_JAR, if given, is another build's jar run bare, for a same-run comparison.
#   The cache (DOCCHAT_CACHE_DIR, default ~/.cache/docchat) is filled by one untimed question first.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
home=$1; n=${2:-7}; baseline=${3:-}
launcher=$root/docchat
jar=$(ls "$root"/app-cli/target/docchat-app-cli-*-all.jar | head -1)
question='What is the bulk insert rate of the SQLite store?'
"$launcher" --version > /dev/null   # makes the archive if it is missing, outside the timed rounds
"$launcher" ask --home "$home" --folder docs "$question" > /dev/null 2>&1   # fills the model cache, untimed

# Prints "NAME WALL_MS CPU_MS" for one run of the command; a failing command stops the script.
times=$(mktemp); trap 'rm -f "$times"' EXIT
t() {
  local name=$1; shift
  /usr/bin/time -o "$times" -f '%e %U %S' "$@" > /dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
  awk -v name="$name" '{ printf "%s %.0f %.0f\n", name, $1 * 1000, ($2 + $3) * 1000 }' "$times"
}

for i in $(seq "$n"); do
  t java-version java -version
  t version.launcher "$launcher" --version
  t version.java-jar java -jar "$jar" --version
  t ask.launcher "$launcher" ask --home "$home" --folder docs "$question"
  t ask.launcher-no-archive env DOCCHAT_CDS=off "$launcher" ask --home "$home" --folder docs "$question"
  t ask.launcher-no-cache env DOCCHAT_CACHE_DIR=off "$launcher" ask --home "$home" --folder docs "$question"
  t ask.launcher-lexical env DOCCHAT_RETRIEVAL_MODE=lexical "$launcher" ask --home "$home" --folder docs "$question"
  t ask.java-jar java -jar "$jar" ask --home "$home" --folder docs "$question"
  t ask.java-jar-lexical env DOCCHAT_RETRIEVAL_MODE=lexical java -jar "$jar" ask --home "$home" --folder docs "$question"
  if [ -n "$baseline" ]; then
    t ask.baseline-java-jar java -jar "$baseline" ask --home "$home" --folder docs "$question"
    t ask.baseline-java-jar-lexical env DOCCHAT_RETRIEVAL_MODE=lexical java -jar "$baseline" ask --home "$home" \
        --folder docs "$question"
  fi
  t keys-list.launcher "$launcher" keys list --home "$home"
  t keys-list.launcher-no-archive env DOCCHAT_CDS=off "$launcher" keys list --home "$home"
done | tee /dev/stderr | python3 -c '
import sys, statistics, collections
wall = collections.defaultdict(list); cpu = collections.defaultdict(list)
for line in sys.stdin:
    k, w, c = line.split(); wall[k].append(int(w)); cpu[k].append(int(c))
floor = statistics.median(wall["java-version"])
print("%-32s %12s %9s %11s %16s" % ("command", "wall median", "wall min", "CPU median", "x java -version"))
for k in wall:
    w = statistics.median(wall[k])
    print(f"{k:32} {w:10.0f}ms {min(wall[k]):7d}ms {statistics.median(cpu[k]):9.0f}ms {w / floor:15.1f}x  (n={len(wall[k])})")
'
