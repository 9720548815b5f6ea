#!/usr/bin/env bash
# `npm start` (up) and `npm run stop` (down): the whole platform on this machine.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
cmd=${1:-up}
if [ "$cmd" = "up" ]; then bash tools/platform/ensure-deps.sh; fi
exec node -r @swc-node/register tools/platform/platform.cli.ts "$cmd"
