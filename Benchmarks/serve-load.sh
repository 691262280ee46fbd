#!/usr/bin/env bash
# Load benchmark of `winnow serve` on loopback (issue "winnow serve"): requests/s and
# latency percentiles for one page at 64 concurrent connections (wrk, from Debian's
# packages), and the server's resident memory after each round, until at least 100,000
# requests and four rounds: memory must level off, not grow.
#
#   bash Benchmarks/serve-load.sh [PAGE] [SECONDS_PER_ROUND]
set -euo pipefail
cd "$(dirname "$0")/.."
page=${1:-examples/sample-farm-page.txt}
seconds=${2:-20}
command -v wrk >/dev/null || apt-get install -y -q wrk >/dev/null
swift build -c release --product winnow >/dev/null
port=$((20000 + RANDOM % 20000))
.build/release/winnow serve --port "$port" --max-connections 256 2>/dev/null &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
script=$(mktemp --suffix=.lua)
cat >"$script" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "text/plain; charset=utf-8"
local f = io.open("$page", "rb"); wrk.body = f:read("*a"); f:close()
LUA
echo "page: $page ($(wc -c <"$page") bytes); 64 connections, 2 wrk threads, $(nproc) cores shared with the server"
echo "rss before: $(ps -o rss= -p $server) KB"
total=0
round=0
while [ "$total" -lt 100000 ] || [ "$round" -lt 4 ]; do
    round=$((round + 1))
    out=$(wrk -t2 -c64 -d"${seconds}s" --latency -s "$script" "http://127.0.0.1:$port/v1/clean")
    requests=$(grep -o '[0-9]* requests in' <<<"$out" | grep -o '^[0-9]*')
    total=$((total + requests))
    rps=$(grep 'Requests/sec' <<<"$out" | awk '{print $2}')
    p50=$(grep ' 50%' <<<"$out" | awk '{print $2}')
    p99=$(grep ' 99%' <<<"$out" | awk '{print $2}')
    errors=$(grep -o 'Non-2xx or 3xx responses: [0-9]*' <<<"$out" || echo "Non-2xx: 0")
    echo "round $round: $requests requests, $rps req/s, p50 $p50, p99 $p99, $errors; total $total; rss $(ps -o rss= -p $server) KB"
done
