#!/usr/bin/env bash
# Sets up a development machine: dependencies, the renderer and console builds, and (where
# this machine can install Debian packages) Chromium for the end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."

# The Electron binary comes from a download host outside the npm registry.
# Install without it; then try the download separately, so that a machine that
# cannot reach it still gets a working setup (npm start then uses browser mode).
ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund
if ! timeout 120 node node_modules/electron/install.js >/dev/null 2>&1; then
  echo "Electron binary not available here: npm start will run browser mode."
fi

npm run --silent build:renderer

if [ ! -x /usr/bin/chromium ]; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  else
    echo "For the end-to-end tests install Chromium: sudo apt-get install chromium"
  fi
fi
