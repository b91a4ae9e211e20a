#!/usr/bin/env bash
# The lookup accuracy gate: `unspun eval --lookup --empty-library` against the local news search
# server (e2e/news-search-server.mjs: a real index of every corpus document with GDELT's query
# semantics), reached through the CLI's --via gateway. Originals are known only through lookup.
# Usage: bash scripts/lookup-eval.sh [extra eval options, e.g. --floors bench/lookup-floors.json]
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${UNSPUN_SHARED:-../shared}"
LOG=$(mktemp)
node e2e/news-search-server.mjs --port 0 >"$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -f "$LOG"' EXIT
for _ in $(seq 1 100); do
  VIA=$(sed -n 's/^--via //p' "$LOG")
  [ -n "$VIA" ] && break
  kill -0 $SERVER 2>/dev/null || { cat "$LOG"; echo "the search server did not start" >&2; exit 1; }
  sleep 0.2
done
[ -n "${VIA:-}" ] || { cat "$LOG"; echo "the search server did not start in 20 s" >&2; exit 1; }
head -1 "$LOG"
node bin/unspun.mjs eval --corpus "$SHARED/corpus" --lookup --empty-library --via "$VIA" --min-interval 0 \
  --out bench/out/lookup-verdicts.jsonl "$@"
