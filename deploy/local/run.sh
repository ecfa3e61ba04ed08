#!/usr/bin/env bash
# `make run`: the whole suite in the foreground; Ctrl-C stops everything.
source "$(dirname "$0")/common.sh"
export ASN_STACK=run
follower=""
trap '[ -n "${follower}" ] && kill "${follower}" 2>/dev/null; "${REPO_ROOT}/deploy/local/down.sh"' EXIT
trap 'exit 0' INT TERM
"${REPO_ROOT}/deploy/local/up.sh"
say "Press Ctrl-C to stop. Following the simulated demo selection and the service logs:"
tail -n +1 -F "${LOG_DIR}/simulator.log" $(for s in "${SERVICES[@]}"; do printf '%s/%s.log ' "${LOG_DIR}" "$s"; done) &
follower=$!
wait
