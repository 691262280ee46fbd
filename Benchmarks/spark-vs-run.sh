#!/usr/bin/env bash
# The cost of going through Spark (issue "Beyond one machine"): the PySpark job in
# local[2] against `winnow run -j 2` + `winnow dedup -j 2` on the same generated corpus
# (WET.gz files of farm pages carrying SOURCES synthetic articles and their disguised
# copies), release build, same run.
#
#   bash Benchmarks/spark-vs-run.sh [WORKDIR] [FILES] [PAGES_PER_FILE] [SOURCES] [scrambled|shared]
#
# `scrambled` (the default) gives each distinct article text of its own, as real news has;
# `shared` draws every article's sentences from one pool of about seventy, so distinct
# articles share much of their text: the worst case for LSH candidates.
#
# Needs pyspark (pip install pyspark==3.5.3) and Java. Prints seconds and MB/s of page text
# (the manifest's text_bytes) for both, and their ratio, per stage.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/winnow-spark-bench}
files=${2:-8}
pages=${3:-45000}
sources=${4:-100000}
mode=${5:-scrambled}
flag=()
[ "$mode" = scrambled ] && flag=(--scrambled)
swift build -c release --product winnow >/dev/null
bin="$PWD/.build/release/winnow"
mkdir -p "$work/in"
for k in $(seq 1 "$files"); do
    f="$work/in/part-$k.warc.wet.gz"
    [ -f "$f" ] || $bin generate --pages "$pages" --seed "$k" --sources "$sources" "${flag[@]}" --format wet --out "$f"
done
rm -rf "$work/local" "$work/spark"
t0=$(date +%s.%N)
$bin run "$work/in" -o "$work/local" -j 2 -q 2>/dev/null
t1=$(date +%s.%N)
$bin dedup "$work/local" -j 2 2>/dev/null
t2=$(date +%s.%N)
# local mode runs the tasks in the driver's JVM: give it the heap an executor would have.
python3 integrations/spark/winnow_spark.py --master 'local[2]' --conf spark.driver.memory=8g \
    --winnow "$bin" -o "$work/spark" "$work/in" \
    2> "$work/spark.log"
t3=$(date +%s.%N)
python3 - "$work" "$t0" "$t1" "$t2" "$t3" <<'PY'
import json, sys
work, t0, t1, t2, t3 = sys.argv[1], *map(float, sys.argv[2:])
local = json.load(open(work + "/local/manifest.json"))
spark = json.load(open(work + "/spark/manifest.json"))
dedup = json.load(open(work + "/local/dedup/manifest.json"))
sdedup = json.load(open(work + "/spark/dedup/manifest.json"))
mb = local["totals"]["text_bytes"] / 1e6
clean_spark = spark["timings"]["clean_seconds"]
dedup_spark = spark["timings"]["dedup_seconds"]
total_spark = t3 - t2
print("corpus: %d pages, %.0f MB of text, %d articles" % (local["totals"]["pages_out"], mb, dedup["articles"]))
print("clean : winnow run -j 2   %6.1f s  %5.1f MB/s | spark local[2] %6.1f s  %5.1f MB/s | spark/run %.2fx"
      % (t1 - t0, mb / (t1 - t0), clean_spark, mb / clean_spark, clean_spark / (t1 - t0)))
print("dedup : winnow dedup -j 2 %6.1f s            | spark local[2] %6.1f s            | spark/dedup %.2fx"
      % (t2 - t1, dedup_spark, dedup_spark / (t2 - t1)))
print("total : %6.1f s  %5.1f MB/s | spark (incl. JVM start) %6.1f s  %5.1f MB/s | ratio %.2fx"
      % (t2 - t0, mb / (t2 - t0), total_spark, mb / total_spark, total_spark / (t2 - t0)))
same = all(dedup[k] == sdedup[k] for k in ("articles", "kept", "exact_duplicates", "near_duplicates", "clusters"))
print("same dedup counts: %s (kept %d of %d)" % (same, dedup["kept"], dedup["articles"]))
PY
