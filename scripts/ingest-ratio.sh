#!/usr/bin/env bash
# Full ingest of a PDF against a bare PDFBox text pass, both measured in one run, as ratios of medians:
#   in process:    JMH IngestionBenchmark (barePdfBoxText, docchatParse, docchatIngest), single shots; and the same
#                  three passes taking turns in one JVM (IngestTurns), so that a drift of the machine's load lands on
#                  all three alike, with the median of the rounds' own ratios;
#   whole process: hyperfine, `docchat ingest` into a fresh knowledge base against a JVM that only runs PDFBox's
#                  text stripper (io.docchat.benchmarks.BarePdfBoxText).
# Both sides leave out what the bare pass has no counterpart for: OCR of scanned pages and the embedding model
# (DOCCHAT_OCR_ENABLED=false, DOCCHAT_RETRIEVAL_MODE=lexical), which have their own figures.
#
# usage: scripts/ingest-ratio.sh [PDF] [ROUNDS]   (defaults: the shared 352-page book, 7 rounds)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
pdf=$(realpath "${1:-../shared/eval/documents/pdf/pdfjs-freeculture.pdf}")
rounds=${2:-7}
bench_jar=benchmarks/target/benchmarks.jar
if [ ! -f "$bench_jar" ] || ! ls app-cli/target/docchat-app-cli-*-all.jar > /dev/null 2>&1; then
  ./mvnw -B -ntp -q -DskipTests -pl app-cli,benchmarks -am package
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/docchat-ingest-ratio.XXXXXX")
trap 'rm -rf "$work"' EXIT
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $rounds rounds, $pdf"

# In process: one JVM per benchmark, five warm-up shots (two left the parse of docchat, heavier code than the
# bare pass, still being compiled in the first measured shots), then $rounds measured shots of each.
java -cp "$bench_jar" org.openjdk.jmh.Main 'IngestionBenchmark' -f 1 -wi 5 -i "$rounds" \
    -jvmArgsAppend "-Ddocchat.bench.pdf=$pdf" -rf json -rff "$work/jmh.json" > "$work/jmh.log"
median_ms() { # benchmark name
  jq -r --arg name "$1" '.[] | select(.benchmark | endswith("." + $name)) | [.primaryMetric.rawData[][]] | sort
      | if length % 2 == 1 then .[length / 2 | floor] else (.[length / 2 - 1] + .[length / 2]) / 2 end' "$work/jmh.json"
}
bare=$(median_ms barePdfBoxText)
parse=$(median_ms docchatParse)
ingest=$(median_ms docchatIngest)
awk -v b="$bare" -v p="$parse" -v i="$ingest" 'BEGIN {
  printf "in process (median ms of the measured shots): bare PDFBox %.0f, docchat parse %.0f (%.2f×), full ingest %.0f (%.2f×)\n", b, p, p / b, i, i / b }'
echo -n "in process, taking turns: "
java -cp "$bench_jar" "-Ddocchat.bench.pdf=$pdf" io.docchat.benchmarks.IngestTurns "$rounds" 2> "$work/turns.log" | tail -1

# Whole process: a fresh knowledge base for every docchat run.
export DOCCHAT_OCR_ENABLED=false DOCCHAT_RETRIEVAL_MODE=lexical
./docchat --version > /dev/null  # lets the launcher make its start-up archive before the clock starts
hyperfine --style none --warmup 1 --runs "$rounds" --export-json "$work/hyperfine.json" \
    -n bare "java -cp $bench_jar io.docchat.benchmarks.BarePdfBoxText $pdf" \
    -n docchat --prepare "rm -rf $work/home" "./docchat --home $work/home ingest $pdf --folder bench --embedding-timeout PT0S" \
    > "$work/hyperfine.log"
jq -r '[.results[] | {(.command): .median}] | add | "whole process (median s): bare PDFBox \(.bare * 1000 | round / 1000), docchat ingest \(.docchat * 1000 | round / 1000) (\(.docchat / .bare * 100 | round / 100)×)"' "$work/hyperfine.json"
