#!/usr/bin/env python3
"""Main-text extraction: Winnow (page text only) against HTML extractors (the page's HTML).

Scores every tool on the same gold text with the same measure: character-level precision,
recall and F1 over a longest common subsequence, whitespace ignored (the measure of
Sources/WinnowTesting/ExtractionScore.swift). Page sets, from ../shared/data (never copied
into the repository):

  cctv      cctv-xwlb-pages/pages.jsonl.gz, gold_body (300 pages, one site)
  fixtures  zh-web-pages-fixtures/pages.jsonl.gz, pages with gold_main_text (82 pages, 70+ sites)

Usage (from the repository root, after `swift build -c release --product winnow`):

  python3 Benchmarks/extraction/compare.py [--data ../shared/data] [--winnow .build/release/winnow]
      [--install] [--pages fixtures] [--markdown]

--install pip-installs the peers (trafilatura, jusText, Resiliparse, readability-lxml), one
at a time (pip's resolver trips over lxml extras when they are installed together).
--pages SET prints every page of SET with each tool's F1, worst Winnow pages first.
"""
import argparse, gzip, json, os, subprocess, sys, tempfile, time

PEERS = ["trafilatura", "justext", "resiliparse", "readability-lxml"]


def lcs(a, b):
    """Length of a longest common subsequence (bit-parallel, Hyyrö 2004)."""
    if not a or not b:
        return 0
    masks = {}
    for i, c in enumerate(a):
        masks[c] = masks.get(c, 0) | (1 << i)
    full = (1 << len(a)) - 1
    v = full
    for c in b:
        m = masks.get(c)
        if m is None:
            continue
        v = ((v + (v & m)) | (v & ~m)) & full
    return len(a) - bin(v).count("1")


def score(extracted, gold):
    x = "".join((extracted or "").split())
    g = "".join((gold or "").split())
    if not x or not g:
        p = r = 1.0 if (not x and not g) else 0.0
    else:
        common = lcs(x, g)
        p, r = common / len(x), common / len(g)
    f = 0.0 if p + r == 0 else 2 * p * r / (p + r)
    return p, r, f


def load(data, name):
    path = os.path.join(data, name)
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def page_sets(data):
    cctv = [(r["id"], r["wet_text"], r["html"], r["gold_body"]) for r in load(data, "cctv-xwlb-pages/pages.jsonl.gz")]
    fixtures = [
        (r["id"], r["wet_text"], r["html"], r["gold_main_text"])
        for r in load(data, "zh-web-pages-fixtures/pages.jsonl.gz")
        if r.get("gold_main_text")
    ]
    return {"cctv": cctv, "fixtures": fixtures}


def run_winnow(binary, pages):
    """All pages through one `winnow run` (JSONL in, articles out); page text joined."""
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "pages.jsonl")
        with open(src, "w", encoding="utf-8") as f:
            for pid, text, _, _ in pages:
                f.write(json.dumps({"id": pid, "text": text}, ensure_ascii=False) + "\n")
        out = os.path.join(tmp, "out")
        # Extraction is measured, not quality filtering: every article the cleaner finds counts.
        config = os.path.join(tmp, "winnow.toml")
        with open(config, "w") as f:
            f.write("[filters]\nenabled = false\n")
        start = time.perf_counter()
        subprocess.run([binary, "run", src, "-o", out, "-q", "--config", config], check=True)
        seconds = time.perf_counter() - start
        texts = {}
        adir = os.path.join(out, "articles")
        for name in sorted(os.listdir(adir)):
            with gzip.open(os.path.join(adir, name), "rt", encoding="utf-8") as f:
                for line in f:
                    a = json.loads(line)
                    texts.setdefault(a["page_id"], []).append(a["text"])
        return {pid: "\n".join(texts.get(pid, [])) for pid, _, _, _ in pages}, seconds


def peer_function(name):
    if name == "trafilatura":
        import trafilatura

        return lambda html: trafilatura.extract(html) or ""
    if name == "justext":
        import justext

        # jusText has no Chinese stop list (and splits words on spaces); the union of all its
        # stop lists is the usual setting for pages of unknown language.
        stop = frozenset().union(*(justext.get_stoplist(l) for l in justext.get_stoplists()))
        return lambda html: "\n".join(p.text for p in justext.justext(html.encode("utf-8"), stop) if not p.is_boilerplate)
    if name == "resiliparse":
        from resiliparse.extract.html2text import extract_plain_text

        return lambda html: extract_plain_text(html, main_content=True)
    if name == "readability-lxml":
        import lxml.html
        from readability import Document

        def extract(html):
            summary = Document(html).summary()
            return lxml.html.fromstring(summary).text_content() if summary.strip() else ""

        return extract
    raise ValueError(name)


def run_peer(name, pages):
    try:
        extract = peer_function(name)
    except ImportError as e:
        print(f"note: {name} is not installed ({e}); run with --install", file=sys.stderr)
        return None, 0.0
    texts = {}
    start = time.perf_counter()
    for pid, _, html, _ in pages:
        try:
            texts[pid] = extract(html)
        except Exception as e:  # a peer failing on a page scores 0 there, and we say so
            print(f"note: {name} failed on {pid}: {e}", file=sys.stderr)
            texts[pid] = ""
    return texts, time.perf_counter() - start


def main():
    ap = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    ap.add_argument("--data", default=os.path.join(os.path.dirname(root), "shared", "data"))
    ap.add_argument("--winnow", default=os.path.join(root, ".build", "release", "winnow"))
    ap.add_argument("--install", action="store_true")
    ap.add_argument("--pages", choices=["cctv", "fixtures"])
    ap.add_argument("--markdown", action="store_true")
    args = ap.parse_args()
    if not os.path.isdir(args.data):
        sys.exit(f"compare.py: {args.data}: no such directory; pass --data with the shared data directory")
    if args.install:
        for pkg in ["lxml_html_clean", "trafilatura", "justext", "resiliparse", "readability-lxml"]:
            subprocess.run([sys.executable, "-m", "pip", "install", "-q", pkg], check=False)

    sets = page_sets(args.data)
    rows = []
    per_page = {}
    for set_name, pages in sets.items():
        results = {}
        texts, seconds = run_winnow(args.winnow, pages)
        results["winnow (text)"] = (texts, seconds)
        for peer in PEERS:
            texts, seconds = run_peer(peer, pages)
            if texts is not None:
                results[peer + " (html)"] = (texts, seconds)
        for tool, (texts, seconds) in results.items():
            scores = {pid: score(texts[pid], gold) for pid, _, _, gold in pages}
            per_page[(set_name, tool)] = scores
            n = len(pages)
            mean = [sum(s[i] for s in scores.values()) / n for i in range(3)]
            empty = sum(1 for pid, _, _, gold in pages if gold.strip() and not texts[pid].strip())
            rows.append((set_name, tool, n, *mean, empty, n / seconds if seconds else 0))

    if args.markdown:
        print("| pages | tool | n | precision | recall | F1 | empty | pages/s |")
        print("|---|---|---:|---:|---:|---:|---:|---:|")
        for r in rows:
            print(f"| {r[0]} | {r[1]} | {r[2]} | {r[3]:.3f} | {r[4]:.3f} | {r[5]:.3f} | {r[6]} | {r[7]:.0f} |")
    else:
        print(f"{'pages':9} {'tool':24} {'n':>4} {'P':>6} {'R':>6} {'F1':>6} {'empty':>6} {'pages/s':>8}")
        for r in rows:
            print(f"{r[0]:9} {r[1]:24} {r[2]:4} {r[3]:6.3f} {r[4]:6.3f} {r[5]:6.3f} {r[6]:6} {r[7]:8.0f}")

    if args.pages:
        tools = [t for (s, t) in per_page if s == args.pages]
        mine = per_page[(args.pages, "winnow (text)")]
        print("\nF1 per page (" + ", ".join(tools) + "); worst Winnow first; * = Winnow best or tied")
        for pid in sorted(mine, key=lambda p: mine[p][2]):
            f1s = [per_page[(args.pages, t)][pid][2] for t in tools]
            star = "*" if f1s[0] >= max(f1s) - 1e-9 else " "
            print(f"{star} " + " ".join(f"{f:.3f}" for f in f1s) + f"  {pid[-70:]}")
        wins = sum(1 for pid in mine if mine[pid][2] >= max(per_page[(args.pages, t)][pid][2] for t in tools) - 1e-9)
        print(f"Winnow best or tied on {wins} of {len(mine)} pages")


if __name__ == "__main__":
    main()
