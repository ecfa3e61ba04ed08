#!/usr/bin/env bash
# Stops everything `make up` or `make run` started.
source "$(dirname "$0")/common.sh"
export ASN_STACK=run
# A demo simulation still running in the background (seed-demo.sh) stops first.
if [ -f "${STATE_DIR}/simulator.pid" ]; then
  kill "$(cat "${STATE_DIR}/simulator.pid")" 2>/dev/null || true
  rm -f "${STATE_DIR}/simulator.pid"
fi
"${REPO_ROOT}/deploy/local/services.sh" stop
"${REPO_ROOT}/deploy/local/stack.sh" stop
