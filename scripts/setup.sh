#!/usr/bin/env bash
# Installs what Unspun's demo and tests need on a fresh Debian machine, and nothing that is there:
# Debian's Chromium and Firefox ESR (apt; npm packages never download browsers) with their German
# locale files (the i18n E2E suites run the extension in German), then npm packages.
# Usage: bash scripts/setup.sh [--ci]   (--ci: always a clean `npm ci`)
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive

PACKAGES="chromium chromium-l10n firefox-esr firefox-esr-l10n-de fonts-dejavu-core"
# shellcheck disable=SC2086
if ! command -v chromium >/dev/null || ! command -v firefox-esr >/dev/null || ! dpkg -s $PACKAGES >/dev/null 2>&1; then
  echo "Installing Debian's chromium and firefox-esr with their German locale files (apt)..."
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends $PACKAGES </dev/null
fi

if [ "${1:-}" = "--ci" ] || [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund </dev/null
fi
