#!/usr/bin/env bash
# The project's single test command (`npm test`): typecheck, unit tests, Chrome and Firefox
# builds, E2E in headless Chromium and Firefox, then the accuracy and speed gates.
# Every step runs even after a failure. vitest and node --test count their individual tests;
# every other step counts as one. Ends with exactly one line "N passed, N failed" and exits
# non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }

SHARED="${UNSPUN_SHARED:-../shared}"
RESULTS=test-results
mkdir -p "$RESULTS" bench/out

PASSED=0
FAILED=0
SUMMARY=()

# record NAME PASSED FAILED SECONDS
record() {
  PASSED=$((PASSED + $2))
  FAILED=$((FAILED + $3))
  SUMMARY+=("$(printf '%-12s %3d passed %3d failed %4ds' "$1" "$2" "$3" "$4")")
}

# step NAME CMD...: a step that counts as one test.
step() {
  local name=$1 start=$SECONDS
  shift
  printf '\n=== %s: %s\n' "$name" "$*"
  if "$@"; then record "$name" 1 0 $((SECONDS - start)); else record "$name" 0 1 $((SECONDS - start)); fi
}

# Unit tests: counts from vitest's JSON report; a crash or an error outside tests counts as 1 failure.
unit() {
  local start=$SECONDS json="$RESULTS/vitest.json" rc counts p f
  printf '\n=== unit: npx vitest run\n'
  rm -f "$json"
  # e2e/ holds node:test suites that drive real browsers: never run them inside vitest workers.
  npx vitest run --exclude 'e2e/**' --reporter=default --reporter=json --outputFile.json="$json"
  rc=$?
  counts=$(node -e 'const r = require(process.argv[1]); console.log(r.numPassedTests, r.numFailedTests)' "$PWD/$json" 2>/dev/null) || counts="0 0"
  read -r p f <<<"$counts"
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  record unit "$p" "$f" $((SECONDS - start))
}

# E2E: counts from node's TAP summary ("# pass N", "# fail N", "# cancelled N").
e2e() {
  local start=$SECONDS tap="$RESULTS/e2e.tap" rc p f c
  printf '\n=== e2e: node --test --test-concurrency=1 e2e/*.e2e.test.mjs\n'
  rm -f "$tap"
  node --test --test-concurrency=1 \
    --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$tap" \
    e2e/*.e2e.test.mjs
  rc=$?
  p=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$tap" 2>/dev/null | tail -1)
  f=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$tap" 2>/dev/null | tail -1)
  c=$(sed -n 's/^# cancelled \([0-9]*\)$/\1/p' "$tap" 2>/dev/null | tail -1)
  p=${p:-0}
  f=$((${f:-0} + ${c:-0}))
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  record e2e "$p" "$f" $((SECONDS - start))
}

step typecheck npx tsc --noEmit
# The pure layers compiled without DOM, Node or extension types (tsconfig.pure.json).
step pure-types npx tsc -p tsconfig.pure.json
# Lint with the layer boundaries (eslint.config.js), and formatting (.prettierrc.json).
step lint npx eslint .
step format npx prettier --check .
unit
step build npx wxt build
step build-ff npx wxt build -b firefox
# The article content script runs on every page: at most its size, and none of the background's tables (issue 12).
step content-script node scripts/check-content-script.mjs .output/chrome-mv3 .output/firefox-mv2
# Store readiness (issue 13): description length, the privacy page in both builds, Firefox minimum
# versions, and web-ext lint of the Firefox build (0 errors, no warning from our own code).
step store node scripts/check-store.mjs --lint .output/chrome-mv3 .output/firefox-mv2
# The feed-path E2E suites run a test build in .output-e2e/ with the fake CNBC hosts granted up
# front (a permission prompt cannot be answered headless; see scripts/build-e2e.sh); every other
# E2E test runs the shipped builds above, which keep host permissions optional.
step build-e2e bash scripts/build-e2e.sh
e2e
step eval node bin/unspun.mjs eval --corpus "$SHARED/corpus" --out bench/out/verdicts.jsonl --floors bench/floors.json
step speed node bin/unspun.mjs bench --corpus "$SHARED/corpus" --floors bench/speed-floors.json
# The library grown to 100,000 articles, held as the extension holds it (issue 12; about 2 minutes).
step scale node --expose-gc bin/unspun.mjs bench --corpus "$SHARED/corpus" --scale 100000 --floors bench/scale-floors.json
# Originals found only through lookup, from an empty library, against the local news search server.
step lookup-eval bash scripts/lookup-eval.sh --floors bench/lookup-floors.json

printf '\n=== summary\n'
printf '%s\n' "${SUMMARY[@]}"
# CI shows only the log's tail: name each failed test there.
FAILURES=$(node scripts/failed-tests.mjs --vitest "$RESULTS/vitest.json" --tap "$RESULTS/e2e.tap")
[ -n "$FAILURES" ] && printf '\n=== failed tests\n%s\n' "$FAILURES"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
