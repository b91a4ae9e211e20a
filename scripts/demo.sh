#!/usr/bin/env bash
# `npm run demo`: see Unspun flag the seed case (a CNBC article and its uncredited rewrite).
# Installs what is missing (scripts/setup.sh), builds the Chrome extension, then runs
# scripts/demo.mjs: a real Chromium window if $DISPLAY is set, else headless with a screenshot.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

npx wxt build
exec node scripts/demo.mjs
