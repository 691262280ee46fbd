#!/usr/bin/env bash
# End-to-end benchmark of `winnow run` (issue "Clean a whole crawl"): generated JSONL.gz and
# WET.gz corpora, -j 1 and -j 2, with `gzip -d` of the same files timed in the same run.
#
#   bash Benchmarks/corpus-run.sh [WORKDIR] [JSONL_PAGES] [WET_PAGES]
#
# Prints one line per measurement; MB/s is of uncompressed page text (the manifest's
# text_bytes), peak RSS from the manifest. `-j 1` runs pinned to one core (taskset): its
# reading thread would otherwise run on a second core beside the worker, and "one core"
# would mean one and a bit.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/winnow-corpus-bench}
jsonl_pages=${2:-330000}
wet_pages=${3:-650000}
swift build -c release --product winnow >/dev/null
bin=.build/release/winnow
mkdir -p "$work"
[ -f "$work/corpus.jsonl.gz" ] || $bin generate --pages "$jsonl_pages" --seed 11 --format jsonl --out "$work/corpus.jsonl.gz"
[ -f "$work/corpus.warc.wet.gz" ] || $bin generate --pages "$wet_pages" --seed 12 --format wet --out "$work/corpus.warc.wet.gz"
for f in corpus.jsonl.gz corpus.warc.wet.gz; do
    start=$(date +%s.%N)
    bytes=$(gzip -dc "$work/$f" | wc -c)
    end=$(date +%s.%N)
    echo "$f: $(du -m "$work/$f" | cut -f1) MB compressed, $((bytes / 1000000)) MB uncompressed; gzip -dc: $(echo "$end - $start" | bc) s"
    for j in 1 2; do
        rm -rf "$work/out"
        start=$(date +%s.%N)
        pin=()
        [ "$j" = 1 ] && command -v taskset >/dev/null && pin=(taskset -c 0)
        "${pin[@]}" $bin run "$work/$f" -o "$work/out" -j $j -q 2>/dev/null
        end=$(date +%s.%N)
        python3 - "$work/out/manifest.json" "$j" "$start" "$end" <<'PY'
import json, sys
m = json.load(open(sys.argv[1])); t = m["totals"]; s = float(sys.argv[4]) - float(sys.argv[3])
print(f"  -j {sys.argv[2]}: {s:.1f} s, {t['text_bytes']/1e6/s:.1f} MB/s of page text, {t['records_in']} records, "
      f"{t['articles']} articles, conserved={t['conserved']}, peak RSS {m['timings']['peak_rss_mb']:.0f} MB")
PY
    done
done
