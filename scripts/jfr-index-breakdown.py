#!/usr/bin/env python3
"""Where IndexBench's indexing time goes, from a JFR recording of it (CPU samples, not wall clock).

usage: jfr print --json --events jdk.ExecutionSample REC.jfr | scripts/jfr-index-breakdown.py

Each sample is attributed to the run it belongs to (docchat's index or the plain-Lucene baseline, by the benchmark
method on its stack; merges by thread) and to a stage: the first frame from the top of the stack that a stage names.
"""
import json
import sys
from collections import Counter

STAGES = [  # (stage, class-name fragments), checked frame by frame from the top of the stack
    ("analysis: tokenizer (StandardTokenizer)", ["StandardTokenizer"]),
    ("analysis: Porter stemming", ["PorterStemmer", "PorterStemFilter"]),
    ("analysis: Chinese bigrams", ["CJKBigramFilter", "HanWordFilter"]),
    ("analysis: other filters, char filters", ["StopFilter", "FilteringTokenFilter", "EnglishPossessiveFilter",
                                                "LowerCaseFilter", "NonHanFilter", "CjkScript", "CharArrayMap",
                                                "CharArraySet", "CharFilter", "CharacterUtils"]),
    ("analysis: recording and replaying tokens", ["RecordedTokens", "TermSequence", "PassageAnalysis"]),
    ("analysis: framework (attributes, reuse)", ["org.apache.lucene.analysis", "org.apache.lucene.util.Attribute"]),
    ("segment flush and merge writing (codecs)", ["org.apache.lucene.codecs", "org.apache.lucene.util.bkd",
                                                  "org.apache.lucene.store", "org.apache.lucene.util.compress"]),
    ("in-memory postings (term hash)", ["TermsHash", "FreqProxTermsWriter", "BytesRefHash", "ByteBlockPool",
                                        "IntBlockPool", "ParallelPostingsArray", "BytesRefBlockPool"]),
    ("norms", ["NormValuesWriter", "FieldInvertState", "BM25Similarity", "Similarity"]),
    ("points and doc values", ["PointValuesWriter", "DocValuesWriter", "LongField", "NumericDocValues",
                               "SortedNumeric"]),
    ("stored fields", ["StoredFields"]),
    ("building documents", ["io.docchat.lucene.PassageFields", "org.apache.lucene.document"]),
    ("other indexing (per-field bookkeeping)", ["org.apache.lucene.index"]),
]


def run_of(event):
    frames = event["stackTrace"]["frames"]
    names = [f["method"]["name"] for f in frames]
    if "indexDocchat" in names:
        return "docchat"
    if "indexPlain" in names:
        return "plain"
    thread = (event.get("sampledThread") or {}).get("javaName") or ""
    if "Merge" in thread:
        return "merge threads"
    return None


def stage_of(event):
    for frame in event["stackTrace"]["frames"]:
        cls = frame["method"]["type"]["name"].replace("/", ".")
        for stage, fragments in STAGES:
            if any(fragment in cls for fragment in fragments):
                return stage
    return "other"


def main():
    events = [e["values"] for e in json.load(sys.stdin)["recording"]["events"]]
    counts = {}
    for event in events:
        run = run_of(event)
        if run is not None:
            counts.setdefault(run, Counter())[stage_of(event)] += 1
    for run in ("docchat", "plain", "merge threads"):
        if run not in counts:
            continue
        total = sum(counts[run].values())
        print(f"\n| {run}: stage | samples | share |\n|---|---:|---:|")
        for stage, n in counts[run].most_common():
            print(f"| {stage} | {n} | {100.0 * n / total:.1f}% |")
        print(f"| total | {total} | 100% |")
    if "docchat" in counts and "plain" in counts:
        ratio = sum(counts["docchat"].values()) / sum(counts["plain"].values())
        print(f"\nindexing-thread samples, docchat / plain: {ratio:.2f}×")


if __name__ == "__main__":
    main()
