"""Peer reference for the winnow benchmark: what Python corpus cleaners do to emoji.

Removes a fixed emoji/invisible range set with one compiled regex (the approach of
Data-Juicer-style mappers and ad-hoc cleaning scripts), including the UTF-8 decode and
encode a pipeline pays. It finds no structure, so it is a lower bound on work, not an
equal: Winnow also segments, classifies and writes JSON.

Usage: python3 regex_emoji_strip.py CORPUS REPEATS   → prints "MB/s" of input
"""
import re
import sys
import time

PATTERN = re.compile(
    "[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2300-\u23FF\uFE0F\u200B-\u200D\u2060\uFEFF]+"
)


def main() -> None:
    path, repeats = sys.argv[1], int(sys.argv[2])
    data = open(path, "rb").read()
    rates = []
    for _ in range(repeats):
        start = time.perf_counter()
        out = PATTERN.sub("", data.decode("utf-8")).encode("utf-8")
        rates.append(len(data) / 1e6 / (time.perf_counter() - start))
        del out
    rates.sort()
    print(f"{rates[len(rates) // 2]:.1f} MB/s")


if __name__ == "__main__":
    main()
