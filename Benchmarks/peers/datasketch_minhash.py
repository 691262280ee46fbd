"""Peer reference for the dedup benchmark: datasketch MinHash on the same texts.

Reads texts (one per line, JSON strings) from TEXTS, builds 128-permutation MinHash over
character 5-grams (the same shingles as Winnow), and prints signatures per second.
datasketch has no one-permutation mode; `update_batch` is its fastest documented path.

Usage: python3 datasketch_minhash.py TEXTS LIMIT  → prints "N docs/s"
"""
import json
import sys
import time

from datasketch import MinHash


def main() -> None:
    path, limit = sys.argv[1], int(sys.argv[2])
    texts = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            texts.append(json.loads(line))
            if len(texts) >= limit:
                break
    start = time.perf_counter()
    for text in texts:
        grams = [text[i:i + 5].encode("utf-8") for i in range(max(1, len(text) - 4))]
        m = MinHash(num_perm=128)
        m.update_batch(grams)
    elapsed = time.perf_counter() - start
    print(f"{len(texts) / elapsed:.0f} docs/s")


if __name__ == "__main__":
    main()
