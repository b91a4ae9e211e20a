#!/usr/bin/env bash
# Builds the test builds of the extension into .output-e2e/ (chrome-mv3, firefox-mv2), for the
# E2E suites that need a host permission: the feed path (e2e/*-sources.e2e.test.mjs) reads a feed
# and fetches an article from the fake www.cnbc.com that the corpus server serves on localhost, and
# the original lookup (e2e/*-lookup.e2e.test.mjs) searches a local GDELT stand-in on 127.0.0.1 and
# fetches the candidates it names from any corpus host.
#
# Why a separate build: the shipped extension asks for host permissions at run time only
# (optional_host_permissions; the options page calls permissions.request when a feed is turned on),
# and a permission prompt cannot be answered in a headless browser. This build is the same code
# with one manifest difference: UNSPUN_E2E_HOSTS (wxt.config.ts) adds these patterns as granted
# host permissions, so permissions.request resolves true at once, without a prompt. It goes to its
# own folder, so `npm run build` / `npm run zip` (.output/) never contain it, and every other E2E
# test (the seed case, packs) still runs the shipped build in .output/.
# The patterns must cover every host the E2E suites have the extension fetch from. Lookup asks for
# all hosts (permissions.request for http://*/* + https://*/*, in the setup page, the options page
# and the popup), so this build grants exactly those two patterns; they cover the feed path's CNBC
# hosts too.
set -euo pipefail
cd "$(dirname "$0")/.."
export UNSPUN_E2E_HOSTS='http://*/*,https://*/*'
npx wxt build
npx wxt build -b firefox
