#!/usr/bin/env bash
# `npm run demo`: see Unspun flag the seed case (a CNBC article and its uncredited rewrite).
# Installs what is missing (Debian's Chromium, npm deps), builds the Chrome extension, then runs
# scripts/demo.mjs: a real Chromium window if $DISPLAY is set, else headless with a screenshot.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null; then
  echo "Installing Debian's chromium (apt)..."
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core
fi
[ -d node_modules ] || npm ci --no-audit --no-fund

npx wxt build
exec node scripts/demo.mjs
