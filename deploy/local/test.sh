#!/usr/bin/env bash
# `make test` (and CI's .ci/run): installs what is missing, starts a private PostgreSQL and broker, builds, runs every
# test target (unit, integration, end-to-end), and stops the stack again.
export ASN_STACK=test
source "$(dirname "$0")/common.sh"

"${REPO_ROOT}/deploy/local/install.sh"
"${REPO_ROOT}/deploy/local/stack.sh" stop >/dev/null 2>&1 || true
"${REPO_ROOT}/deploy/local/stack.sh" start
trap '"${REPO_ROOT}/deploy/local/stack.sh" stop' EXIT
# shellcheck disable=SC1091
source "${STATE_DIR}/env"
export ASN_TEST_LOG_DIR="${LOG_DIR}"

cd "${REPO_ROOT}"
say "Building (debug) with tests"
mkdir -p "${LOG_DIR}"
if ! swift build --build-tests >"${LOG_DIR}/build.log" 2>&1; then
  grep -E 'error:' "${LOG_DIR}/build.log" | head -n 40 >&2 || true
  tail -n 40 "${LOG_DIR}/build.log" >&2
  die "the build failed (log: ${LOG_DIR}/build.log)"
fi
grep -E 'warning:' "${LOG_DIR}/build.log" | grep -v '/.build/checkouts/' | sort -u | head -n 20 || true
if [ $# -gt 0 ]; then
  say "Running the selected tests"
  swift test --skip-build "$@"
  exit $?
fi
# Two phases on purpose: the end-to-end suites start dozens of service processes (and Chromium); run alongside the unit
# and integration tests on a 2-core machine they starve the timing-sensitive ones (shutdown bounds, token expiry).
status=0
# The deployment files (compose, Kubernetes, Dockerfile, operations guide) against the built executables' own
# print-configuration; no Docker engine needed (deploy/README.md, "How these files are checked").
say "Checking the deployment files"
"${VENV_DIR}/bin/python" deploy/checks/validate.py --bin-dir "${REPO_ROOT}/.build/debug" || status=$?
say "Running the unit and integration tests"
swift test --skip-build --skip EndToEndTests || status=$?
say "Running the end-to-end tests (real executables)"
swift test --skip-build --filter EndToEndTests --skip FaultDrillTests || status=$?
# Last, alone on the machine: 5,000 applicants through the release executables while the broker and PostgreSQL restart
# and services are killed (README "Fault drill"); it brings its own PostgreSQL server and broker.
"${REPO_ROOT}/deploy/local/drill.sh" || status=$?
exit "${status}"
