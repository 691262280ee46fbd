#!/usr/bin/env bash
# What the quality stage (signals, language, filters) costs `winnow run` (issue "Quality
# signals, filters and language": at most 15% of throughput). The same release binary with
# and without `--no-signals`, on two 150 MB corpora, ROUNDS runs each, alternating:
#
#   farm  generated farm pages (`winnow generate`, eight sample articles): noisy pages,
#         short articles; the cleaner does most of the work
#   news  real Chinese text from ../shared/data (THUCNews, CCTV news, ChineseWebText),
#         repeated to 150 MB: clean, long articles; the cleaner has little to do, so the
#         signals weigh the most
#   en    the English (and other Latin-script) gold main texts of ../shared/data, repeated
#         to 150 MB: words, not characters, and the language model at work
#
#   bash Benchmarks/quality-cost.sh [ROUNDS] [JOBS]
#
# Prints user CPU seconds and wall seconds per run, then the median drop in throughput.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
jobs=${2:-2}
data=${WINNOW_SHARED_DATA:-../shared/data}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build -c release --product winnow >/dev/null 2>&1
winnow=.build/release/winnow

$winnow generate --pages 60000 --seed 1 --format jsonl --out "$work/farm-all.jsonl.gz"
# The first 150 MB of whole lines (gzip -dc stops early on a closed pipe: not an error).
(gzip -dc "$work/farm-all.jsonl.gz" || true) | head -c 150000000 | head -n -1 | gzip -1 >"$work/farm.jsonl.gz"
rm "$work/farm-all.jsonl.gz"
corpora=(farm)
if [ -d "$data" ]; then
    python3 - "$data" "$work/news.jsonl.gz" "$work/en.jsonl.gz" <<'PY'
import gzip, json, os, sys
data, out, out_en = sys.argv[1], sys.argv[2], sys.argv[3]
texts = [json.loads(l)["text"] for l in open(os.path.join(data, "thucnews-cnews-1k/articles.jsonl"))]
texts += [json.loads(l).get("body", "") for l in gzip.open(os.path.join(data, "cctv-xwlb-articles/articles.jsonl.gz"), "rt")]
texts += [json.loads(l).get("text", "") for l in open(os.path.join(data, "chinesewebtext-cc-sample/cc-2021-43-raw.jsonl"))]
texts = [t for t in texts if t]
english = [json.loads(l).get("gold_main_text") for l in gzip.open(os.path.join(data, "en-web-pages-fixtures/pages.jsonl.gz"), "rt")]
english = [t for t in english if t]


def repeat_to_150mb(texts, path, prefix):
    """Writes `texts` as JSON Lines, cycling through them, until 150 MB."""
    size, k = 0, 0
    with gzip.open(path, "wt", compresslevel=1) as f:
        while size < 150_000_000:
            line = json.dumps({"id": f"{prefix}{k}", "text": texts[k % len(texts)]}, ensure_ascii=False) + "\n"
            f.write(line)
            size += len(line.encode())
            k += 1


repeat_to_150mb(texts, out, "r")
repeat_to_150mb(english, out_en, "e")
PY
    corpora+=(news en)
else
    echo "skipped the news corpus: $data is absent"
fi

for corpus in "${corpora[@]}"; do
    : >"$work/$corpus.times"
    for _ in $(seq "$rounds"); do
        for mode in signals no-signals; do
            flag=""
            [ "$mode" = no-signals ] && flag="--no-signals"
            rm -rf "$work/out"
            /usr/bin/time -f "$mode %U %e" -a -o "$work/$corpus.times" \
                $winnow run "$work/$corpus.jsonl.gz" -o "$work/out" -j "$jobs" -q $flag 2>/dev/null
        done
    done
    echo "== $corpus (-j $jobs): mode, user s, wall s"
    cat "$work/$corpus.times"
    python3 - "$work/$corpus.times" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    mode, user, wall = line.split()
    runs.setdefault(mode, []).append((float(user), float(wall)))
on, off = runs["signals"], runs["no-signals"]
for i, name in ((1, "wall"), (0, "user CPU")):
    a, b = statistics.median(r[i] for r in on), statistics.median(r[i] for r in off)
    print(f"median {name}: {a:.2f} s with signals, {b:.2f} s without: throughput -{(1 - b / a) * 100:.1f}%")
PY
done
