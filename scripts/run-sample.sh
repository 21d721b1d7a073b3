#!/usr/bin/env bash
# Installs, builds and starts the sample app (in-memory store, no other setup).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-node-deps.sh
npm run --silent build
npx tsc -p tsconfig.sample.json
exec node dist-sample/sample/main.js
