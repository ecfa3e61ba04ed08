#!/usr/bin/env bash
# `make drill`: the fault drill (Tests/EndToEndTests/FaultDrillTests.swift). A selection of 5,000 applicants
# (ASN_FAULT_DRILL_APPLICANTS) through the release executables while the drill cuts its own broker off twice, restarts
# its own PostgreSQL twice and kills a second verification instance and announcements with SIGKILL; then it counts every
# read model. It brings its own PostgreSQL server and broker; the test stack only provides the environment file.
# `make test` (test.sh) runs it as its last step.
export ASN_STACK=test
source "$(dirname "$0")/common.sh"

"${REPO_ROOT}/deploy/local/install.sh"
"${REPO_ROOT}/deploy/local/stack.sh" env >/dev/null
# shellcheck disable=SC1091
source "${STATE_DIR}/env"
export ASN_TEST_LOG_DIR="${LOG_DIR}/drill"
mkdir -p "${ASN_TEST_LOG_DIR}"
cd "${REPO_ROOT}"
say "Building the release executables and the tests"
for product in registration verification exam-scoring announcements; do
  swift build -c release --product "${product}" >"${ASN_TEST_LOG_DIR}/build-release.log" 2>&1 \
    || { tail -n 40 "${ASN_TEST_LOG_DIR}/build-release.log" >&2; die "the release build of ${product} failed"; }
done
swift build --build-tests >"${ASN_TEST_LOG_DIR}/build.log" 2>&1 \
  || { tail -n 40 "${ASN_TEST_LOG_DIR}/build.log" >&2; die "the test build failed"; }
say "Running the fault drill (logs: ${ASN_TEST_LOG_DIR})"
ASN_FAULT_DRILL_BIN_DIR="${REPO_ROOT}/.build/release" swift test --skip-build --filter FaultDrillTests
