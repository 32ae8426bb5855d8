#!/usr/bin/env bash
# Prints the OCR figures of docs/benchmarks/ocr.md: word recall and pages/min on the shared scanned PDF, character
# recall on Chinese drawn with Noto Sans CJK SC, citations through the whole stack (eval pages and the ink check).
# Needs Tesseract (tesseract-ocr, -eng, -chi-sim), fonts-noto-cjk, ../shared/eval beside the repository, and the
# PDF's reference text (Apache-2.0, from the extractous project the PDF comes from): set OCR_EXPECTED to a copy of
# it, or let curl fetch it.
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir=${EVAL_DIR:-../shared/eval}
pdf="$eval_dir/documents/pdf/extractous-eng-ocr.pdf"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
expected=${OCR_EXPECTED:-$work/eng-ocr.pdf.txt}
if [ ! -s "$expected" ]; then
  curl -fsSL -o "$expected" \
    https://raw.githubusercontent.com/yobix-ai/extractous/2db7f6e28371d1a30611fda03f5a4c662e595546/test_files/expected_result/eng-ocr.pdf.txt
fi

./mvnw -B -ntp -q -pl app-cli -am test-compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt"
cp="app-cli/target/test-classes:app-cli/target/classes:adapters-documents/target/test-classes:adapters-documents/target/classes:$(cat "$work/cp.txt")"

echo "== OcrBench (5 rounds)"
java -cp "$cp" io.docchat.documents.bench.OcrBench "$pdf" "$expected" 5
echo "== ChineseOcrFigure"
java -cp "$cp" io.docchat.documents.ChineseOcrFigure
echo "== eval pages with docs/ocr-probes.json"
java -cp "$cp" io.docchat.cli.DocChatCli eval pages --documents "$eval_dir/documents" --probes docs/ocr-probes.json
echo "== OcrCitationInk"
java -cp "$cp" io.docchat.cli.OcrCitationInk "$pdf" docs/ocr-probes.json
