#!/usr/bin/env bash
# Regenerates docs/BENCHMARKS.md: the JMH benchmarks, the quality evaluations on ../shared/eval (when present) and
# the figures the modules keep in docs/benchmarks/*.md. Each section is written to benchmarks/target/report/ first;
# --reuse keeps sections already there (to re-assemble without re-running), --skip-jmh / --skip-eval leave one out.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
eval_dir=${DOCCHAT_EVAL_DIR:-../shared/eval}
report=benchmarks/target/report
skip_jmh=false; skip_eval=false; reuse=false
for arg in "$@"; do
  case "$arg" in
    --skip-jmh) skip_jmh=true ;;
    --skip-eval) skip_eval=true ;;
    --reuse) reuse=true ;;
    *) echo "usage: scripts/benchmarks.sh [--skip-jmh] [--skip-eval] [--reuse]" >&2; exit 2 ;;
  esac
done
mkdir -p "$report"

needs() { ! { $reuse && [ -s "$report/$1" ]; }; }

if ! $skip_jmh || ! $skip_eval; then
  ./mvnw -B -ntp -q -DskipTests -pl app-cli,benchmarks -am package
fi
cli_jar=$(ls app-cli/target/docchat-app-cli-*-all.jar)

if ! $skip_jmh && needs jmh.md; then
  pdf="$eval_dir/documents/pdf/pdfjs-freeculture.pdf"
  java -Ddocchat.bench.pdf="$pdf" -jar benchmarks/target/benchmarks.jar > "$report/jmh.md.tmp"
  sed -n '/^| benchmark |/,$p' "$report/jmh.md.tmp" | grep -E '^(\||- |$)' > "$report/jmh.md"
  rm -f "$report/jmh.md.tmp"
fi

run_eval() { # name, then the docchat arguments
  local name=$1; shift
  if needs "$name.txt"; then
    java -jar "$cli_jar" "$@" > "$report/$name.txt"
  fi
}
if ! $skip_eval && [ -d "$eval_dir" ]; then
  squad="--passages $eval_dir/squad-v1.1/passages.jsonl --questions $eval_dir/squad-v1.1/questions.jsonl"
  cmrc="--passages $eval_dir/cmrc2018-dev/passages.jsonl --questions $eval_dir/cmrc2018-dev/questions.jsonl"
  run_eval eval-squad eval qa $squad
  run_eval eval-cmrc eval qa $cmrc
  run_eval eval-mixed eval qa $squad $cmrc
  run_eval eval-pages eval pages --documents "$eval_dir/documents" --probes "$eval_dir/documents/pdf_probes.json"
fi

cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ //' || echo unknown)
java_version=$(java -version 2>&1 | head -1)
{
  echo "# docchat benchmarks"
  echo
  echo "Regenerate with \`scripts/benchmarks.sh\` (about 10 minutes on 2 cores; needs \`../shared/eval\` for the PDF and the"
  echo "evaluation sets). Generated $(date -u '+%Y-%m-%d %H:%M UTC') on $(uname -srm), $(nproc) cores ($cpu),"
  echo "$java_version. Shared machines are noisy, so absolute times vary between runs; the ratios"
  echo "compare figures measured in the same run."
  if [ -s "$report/jmh.md" ]; then
    echo
    echo "## JMH benchmarks"
    echo
    echo "Command: \`java -Ddocchat.bench.pdf=../shared/eval/documents/pdf/pdfjs-freeculture.pdf -jar benchmarks/target/benchmarks.jar\`"
    echo "(after \`./mvnw -B -ntp -DskipTests -pl benchmarks -am package\`). SingleShotTime scores are per run (ms);"
    echo "AverageTime scores are per operation (µs). The error is JMH's 99.9% interval over three iterations: on a"
    echo "busy shared machine it can exceed the score, so read the ratios, not single figures."
    echo
    cat "$report/jmh.md"
  fi
  for name in squad cmrc mixed pages; do
    if [ -s "$report/eval-$name.txt" ]; then
      case $name in
        squad) title="QA: SQuAD v1.1 dev (English)"; cmd="./docchat eval qa --passages ../shared/eval/squad-v1.1/passages.jsonl --questions ../shared/eval/squad-v1.1/questions.jsonl" ;;
        cmrc) title="QA: CMRC 2018 dev (Chinese)"; cmd="./docchat eval qa --passages ../shared/eval/cmrc2018-dev/passages.jsonl --questions ../shared/eval/cmrc2018-dev/questions.jsonl" ;;
        mixed) title="QA: SQuAD and CMRC in one knowledge base"; cmd="./docchat eval qa --passages ../shared/eval/squad-v1.1/passages.jsonl --questions ../shared/eval/squad-v1.1/questions.jsonl --passages ../shared/eval/cmrc2018-dev/passages.jsonl --questions ../shared/eval/cmrc2018-dev/questions.jsonl" ;;
        pages) title="Citation page accuracy on the shared documents"; cmd="./docchat eval pages --documents ../shared/eval/documents --probes ../shared/eval/documents/pdf_probes.json" ;;
      esac
      echo
      echo "## $title"
      echo
      echo "Command: \`$cmd\`"
      echo
      echo '```'
      cat "$report/eval-$name.txt"
      echo '```'
    fi
  done
  for module_report in docs/benchmarks/*.md; do
    [ -f "$module_report" ] || continue
    echo
    sed 's/^#/##/' "$module_report"
  done
} > docs/BENCHMARKS.md
echo "wrote docs/BENCHMARKS.md" >&2
