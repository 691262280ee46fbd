"""Side by side: Winnow, datatrove and datasketch finding disguised copies of real news.

Builds a corpus from the CCTV news of ../shared/data (never shipped): every source article
once, and for half of them one to three reposts: a byline added, a portal footer, the last
sentence cut or reworded, each at random; three in four also disguised the way content
farms disguise them (an emoji, zero-width or symbol unit injected every 20-45 characters). Each tool deduplicates the corpus at
its default settings; pairs of documents it puts in one cluster are scored against the
truth (same source). Time and peak memory are of the tool's own process.

    swift build -c release --product winnow
    python3 Benchmarks/peers/dedup_compare.py [--sources 3000] [--install] [--markdown]

- winnow: `winnow run` (quality filters off, so every document reaches dedup), then
  `winnow dedup`, both at -j 2.
- datatrove (xxhash < 4: datatrove 0.10 hashes str, which xxhash 4 refuses):
  MinhashDedupSignature/Buckets/Cluster/Filter, default MinhashConfig (5-grams of
  words, 14 buckets x 8 hashes), language zh (its spaCy + jieba word tokenizer), 2 workers.
- datasketch: MinHashLSH at threshold 0.8, 128 permutations, character 5-grams of the raw
  text (what text-dedup does for CJK), union of the candidates each query returns.
"""
import argparse
import gzip
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DATA = os.path.join(ROOT, "..", "shared", "data", "cctv-xwlb-articles", "articles.jsonl.gz")

PALETTES = [
    ["😀", "🔥", "👍", "🎉", "💯", "🌟"],
    ["\u200b"],
    ["\u200b", "\u200c", "\u2060"],
    ["◆", "▲", "★", "※"],
    ["🈶", "🉑", "㊙", "🈚"],
]
OUTLETS = ["新华网", "人民网", "央视新闻", "中国新闻网", "环球时报"]
FOOTERS = ["返回搜狐，查看更多", "点击关注，获取更多精彩内容", "本文来源于网络，如有侵权请联系删除"]


def disguise(text: str, rng: random.Random, inject: bool) -> str:
    """A repost of `text`: bylines, footers and edits at random; units injected if `inject`."""
    if rng.random() < 0.5:
        text = f"来源：{rng.choice(OUTLETS)} 作者：{rng.choice('王李张刘陈')}{rng.choice('明华军平')} " + text
    if rng.random() < 0.3:
        cut = text.rfind("。", 0, len(text) - 1)
        if cut > len(text) // 2:
            text = text[: cut + 1]
    if rng.random() < 0.3:
        text = text.rstrip("。") + "，记者将持续关注。"
    if rng.random() < 0.5:
        text = text + " " + rng.choice(FOOTERS)
    if not inject:
        return text
    palette = rng.choice(PALETTES)
    period = rng.randint(20, 45)
    out = []
    for k, ch in enumerate(text):
        out.append(ch)
        if k % period == period - 1:
            out.append(rng.choice(palette))
    return "".join(out)


def build_corpus(sources: int, seed: int):
    rng = random.Random(seed)
    articles = []
    with gzip.open(DATA, "rt", encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            body = (record.get("body") or "").replace("\n", " ").strip()
            if len(body) >= 80:
                articles.append(body)
    # One source per distinct text (the news repeats some items).
    articles = sorted(set(articles))
    rng.shuffle(articles)
    docs, truth = [], {}
    for s, text in enumerate(articles[:sources]):
        copies = [(text, False)]
        for _ in range(rng.randint(1, 3) if rng.random() < 0.5 else 0):
            inject = rng.random() < 0.75
            copies.append((disguise(text, rng, inject), inject))
        for c, (body, injected) in enumerate(copies):
            # 'd' marks a copy with injected units: the disguised ones.
            doc_id = f"s{s}c{c}" + ("d" if injected else "")
            docs.append({"id": doc_id, "text": body})
            truth[doc_id] = s
    rng.shuffle(docs)
    return docs, truth


def score(clusters: dict, truth: dict, disguised_only=False):
    """Pair precision and recall: pairs in one cluster against pairs of one source."""
    by_source, by_cluster = {}, {}
    for doc, source in truth.items():
        by_source.setdefault(source, []).append(doc)
        by_cluster.setdefault(clusters.get(doc, doc), []).append(doc)

    def pairs(groups):
        out = set()
        for members in groups.values():
            members = sorted(members)
            for i, a in enumerate(members):
                for b in members[i + 1 :]:
                    if not disguised_only or a.endswith("d") or b.endswith("d"):
                        out.add((a, b))
        return out

    true, found = pairs(by_source), pairs(by_cluster)
    hit = len(true & found)
    return (hit / len(found) if found else 1.0), (hit / len(true) if true else 1.0), len(true), len(found)


def timed(command, env=None):
    """Runs `command`, returns (seconds, peak RSS in MB) of it and its children."""
    start = time.perf_counter()
    result = subprocess.run(
        ["/usr/bin/time", "-f", "%M"] + command, capture_output=True, text=True, env=env or os.environ.copy()
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{command[0]} failed: {result.stderr[-2000:]}")
    peak_kb = int(result.stderr.strip().splitlines()[-1])
    return seconds, peak_kb / 1024


def run_winnow(work, corpus):
    binary = os.path.join(ROOT, ".build", "release", "winnow")
    config = os.path.join(work, "winnow.toml")
    with open(config, "w") as f:
        f.write("[filters]\nenabled = false\n")
    out = os.path.join(work, "winnow-out")
    t1, m1 = timed([binary, "run", corpus, "-o", out, "-q", "-j", "2", "--config", config])
    t2, m2 = timed([binary, "dedup", out, "-j", "2"])
    clusters = {}
    dups_dir = os.path.join(out, "dedup", "dups")
    for name in sorted(os.listdir(dups_dir)):
        with gzip.open(os.path.join(dups_dir, name), "rt", encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                # Article ids are the page id, '#', the article's number on the page.
                clusters[record["id"].split("#")[0]] = record["dup_of"].split("#")[0]
    return clusters, t1 + t2, max(m1, m2)


def run_datatrove_stages(work, corpus):
    """The four datatrove stages (called in a child process, so its memory is its own)."""
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.dedup.minhash import (
        MinhashConfig,
        MinhashDedupBuckets,
        MinhashDedupCluster,
        MinhashDedupFilter,
        MinhashDedupSignature,
    )
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    config = MinhashConfig()
    base = os.path.join(work, "datatrove")
    reader = JsonlReader(os.path.dirname(corpus), glob_pattern=os.path.basename(corpus), id_key="id")
    logs = os.path.join(base, "logs")
    LocalPipelineExecutor(
        [reader, MinhashDedupSignature(os.path.join(base, "sigs"), config=config, language="zh")],
        tasks=2, workers=2, logging_dir=logs + "1",
    ).run()
    LocalPipelineExecutor(
        [MinhashDedupBuckets(os.path.join(base, "sigs"), os.path.join(base, "buckets"), config=config)],
        tasks=config.num_buckets, workers=2, logging_dir=logs + "2",
    ).run()
    LocalPipelineExecutor(
        [MinhashDedupCluster(os.path.join(base, "buckets"), os.path.join(base, "remove"), config=config,
                             save_cluster_id=True)],
        tasks=1, logging_dir=logs + "3",
    ).run()
    LocalPipelineExecutor(
        [reader, MinhashDedupFilter(os.path.join(base, "remove"), load_cluster_ids=True,
                                    exclusion_writer=JsonlWriter(os.path.join(base, "removed"))),
         JsonlWriter(os.path.join(base, "kept"))],
        tasks=2, workers=2, logging_dir=logs + "4",
    ).run()


def run_datatrove(work, corpus):
    seconds, peak = timed([sys.executable, __file__, "--stage", "datatrove", work, corpus])
    clusters = {}
    for kind in ["kept", "removed"]:
        folder = os.path.join(work, "datatrove", kind)
        for name in sorted(os.listdir(folder)):
            with gzip.open(os.path.join(folder, name), "rt", encoding="utf-8") as f:
                for line in f:
                    record = json.loads(line)
                    cluster = record.get("metadata", {}).get("minhash_cluster_id")
                    if cluster is not None and cluster != -1:
                        clusters[record["id"]] = f"cluster-{cluster}"
    return clusters, seconds, peak


def run_datasketch_stage(work, corpus):
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=0.8, num_perm=128)
    docs = [json.loads(line) for line in open(corpus, encoding="utf-8")]
    signatures = {}
    for doc in docs:
        text = doc["text"]
        m = MinHash(num_perm=128)
        m.update_batch([text[i : i + 5].encode("utf-8") for i in range(max(1, len(text) - 4))])
        signatures[doc["id"]] = m
        lsh.insert(doc["id"], m)
    parent = {doc["id"]: doc["id"] for doc in docs}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for doc in docs:
        for other in lsh.query(signatures[doc["id"]]):
            parent[find(other)] = find(doc["id"])
    with open(os.path.join(work, "datasketch.json"), "w") as f:
        json.dump({doc["id"]: find(doc["id"]) for doc in docs}, f)


def run_datasketch(work, corpus):
    seconds, peak = timed([sys.executable, __file__, "--stage", "datasketch", work, corpus])
    with open(os.path.join(work, "datasketch.json")) as f:
        return json.load(f), seconds, peak


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sources", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--install", action="store_true", help="pip-install the peers first")
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--stage", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage:
        name, work, corpus = args.stage
        {"datatrove": run_datatrove_stages, "datasketch": run_datasketch_stage}[name](work, corpus)
        return
    if not os.path.exists(DATA):
        sys.exit(f"needs {DATA} (shared data, not shipped); skipped")
    if args.install:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "datatrove", "datasketch", "spacy", "jieba", "tokenizers", "xxhash<4"],
                       check=True)
    docs, truth = build_corpus(args.sources, args.seed)
    work = tempfile.mkdtemp(prefix="winnow-dedup-compare-")
    corpus = os.path.join(work, "corpus.jsonl")
    with open(corpus, "w", encoding="utf-8") as f:
        for doc in docs:
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")
    size = os.path.getsize(corpus) / 1e6
    rows = []
    for name, run in [("winnow", run_winnow), ("datatrove", run_datatrove), ("datasketch", run_datasketch)]:
        clusters, seconds, peak = run(work, corpus)
        p, r, true_pairs, found = score(clusters, truth)
        _, rd, disguised_pairs, _ = score(clusters, truth, disguised_only=True)
        rows.append((name, found, p, r, rd, seconds, peak))
    print(f"corpus: {len(docs)} documents ({size:.1f} MB) from {args.sources} CCTV news items; "
          f"{true_pairs} duplicate pairs, {disguised_pairs} involving a disguised copy")
    if args.markdown:
        print("| tool | pairs found | precision | recall | recall, disguised pairs | time (s) | peak RSS (MB) |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for name, found, p, r, rd, seconds, peak in rows:
            print(f"| {name} | {found} | {p:.4f} | {r:.4f} | {rd:.4f} | {seconds:.1f} | {peak:.0f} |")
    else:
        for name, found, p, r, rd, seconds, peak in rows:
            print(f"{name:<11} pairs {found} precision {p:.4f} recall {r:.4f} disguised recall {rd:.4f} "
                  f"time {seconds:.1f} s peak {peak:.0f} MB")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
