#!/usr/bin/env bash
# Builds the fuzz harnesses (libFuzzer + AddressSanitizer) and runs each for a bounded
# number of runs with a fixed seed, then replays every saved failure in FailCases/.
#
#   bash Fuzz/run.sh [RUNS]        # CI: 20000 runs of the cleaner, ten times that of the
#                                  # parsers and the server's handlers
#   bash Fuzz/run.sh 0 3600        # a long run: 3600 s per target, unbounded runs
#
# A crash stops the script with the reproducer under Fuzz/artifacts/; minimize it
# (`.build/release/TARGET -minimize_crash=1 FILE`) into FailCases/TARGET/ and fix it.
set -euo pipefail
cd "$(dirname "$0")"
runs=${1:-20000}
seconds=${2:-0}
targets=(FuzzCleaner FuzzJSON FuzzInput FuzzSignature FuzzServer)
# Product by product: a plain `swift build` would also build Hummingbird's own executable,
# which `-parse-as-library` breaks.
for target in "${targets[@]}"; do
    swift build -c release --product "$target" -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
        -Xswiftc -use-ld=lld 2>&1 | grep -E "error|Build of product" || true
done
export SWIFT_BACKTRACE=enable=no
# The suppressions name only third-party and harness frames (see the file).
export LSAN_OPTIONS="suppressions=$PWD/../.ci/lsan.supp"
mkdir -p artifacts work
for pair in FuzzCleaner:cleaner FuzzJSON:json FuzzInput:input FuzzSignature:signature FuzzServer:server; do
    target=${pair%%:*}
    seeds=seeds/${pair##*:}
    # Each target's dictionary: seeds/NAME's NAME.dict; the server's bodies are JSON.
    dict=(-dict="${pair##*:}.dict")
    [ "$target" = FuzzServer ] && dict=(-dict=json.dict)
    rm -rf "work/$target" && mkdir -p "work/$target" && cp "$seeds"/* "work/$target/"
    # The cleaner is the slow target; the others get ten times the runs in about the same time.
    n=$runs
    [ "$target" = FuzzCleaner ] || n=$((runs * 10))
    limit=(-runs="$n")
    [ "$seconds" -gt 0 ] && limit=(-max_total_time="$seconds")
    echo "== $target"
    ".build/release/$target" "${limit[@]}" -seed=1 -max_len=8192 -rss_limit_mb=2048 -timeout=10 \
        -artifact_prefix="artifacts/$target-" "${dict[@]}" "work/$target" 2>&1 | grep -E "^Done|^#[0-9]+ *DONE|ERROR|SUMMARY" || true
    ls artifacts/"$target"-* >/dev/null 2>&1 && { echo "fuzz: $target found a failure: $(ls artifacts/"$target"-*)" >&2; exit 1; }
    if [ -d "FailCases/$target" ] && [ -n "$(ls -A "FailCases/$target")" ]; then
        ".build/release/$target" "FailCases/$target"/* >/dev/null 2>&1 || { echo "fuzz: a FailCases replay of $target fails" >&2; exit 1; }
        echo "replayed $(ls "FailCases/$target" | wc -l) saved failure(s)"
    fi
done
echo "fuzz: all targets clean"
