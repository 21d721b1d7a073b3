#!/usr/bin/env bash
# The whole suite on a fresh machine: system packages, node modules, then every jest project
# (unit, integration with a real Redis, e2e with headless Chromium). Extra args go to jest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-system-deps.sh
bash scripts/ensure-node-deps.sh
node --experimental-vm-modules node_modules/jest/bin/jest.js --ci "$@"
