#!/usr/bin/env bash
# Browser test of the web inspector (issue "winnow serve"): start the server, load / in
# headless Chromium with a farm page in the address (#text=…, which the page submits through
# its own form), and check the rendered DOM: the article count, highlighted injected
# characters and removed blocks. Keeps a screenshot in ci-artifacts/inspector.png.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null || ! fc-list 2>/dev/null | grep -qi "noto sans cjk"; then
    echo "== installing chromium (Debian package)"
    apt-get install -y -q chromium fonts-noto-cjk >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q chromium fonts-noto-cjk >/dev/null; }
fi

page=../shared/examples/farm-page.txt
[ -f "$page" ] || page=examples/sample-farm-page.txt
port=$((20000 + RANDOM % 20000))
.build/debug/winnow serve --port "$port" >/tmp/winnow-serve.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done

url="http://127.0.0.1:$port/#text=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(open(sys.argv[1], encoding="utf-8").read()))' "$page")"
flags=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --virtual-time-budget=10000)
dom=$(chromium "${flags[@]}" --dump-dom "$url" 2>/dev/null)
mkdir -p ci-artifacts
chromium "${flags[@]}" --window-size=1280,2400 --screenshot=ci-artifacts/inspector.png "$url" >/dev/null 2>&1 || true

fail() { echo "browser test: $1" >&2; exit 1; }
articles=$(grep -o 'id="article-count">[0-9]*' <<<"$dom" | grep -o '[0-9]*$' || true)
[ -n "$articles" ] && [ "$articles" -ge 1 ] || fail "no articles rendered (page: $page)"
grep -q 'class="k-injected-noise"' <<<"$dom" || fail "no injected characters highlighted"
grep -q 'class="k-keyword-stuffing"\|class="k-link-list"\|class="k-page-header"' <<<"$dom" || fail "no removed block highlighted"
grep -q '<div class="article">' <<<"$dom" || fail "no article block"
echo "browser test: $articles article(s) rendered, spans highlighted; screenshot ci-artifacts/inspector.png"
