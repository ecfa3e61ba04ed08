#!/usr/bin/env bash
# `make bench`: release build, private stack, then the benchmarks; prints every figure.
export ASN_STACK=test
source "$(dirname "$0")/common.sh"

"${REPO_ROOT}/deploy/local/install.sh"
"${REPO_ROOT}/deploy/local/stack.sh" stop >/dev/null 2>&1 || true
"${REPO_ROOT}/deploy/local/stack.sh" start
trap '"${REPO_ROOT}/deploy/local/services.sh" stop; "${REPO_ROOT}/deploy/local/stack.sh" stop' EXIT
# shellcheck disable=SC1091
source "${STATE_DIR}/env"
export ASN_BUILD_CONFIGURATION=release
cd "${REPO_ROOT}"
say "Building (release)"
swift build -c release --product asn-bench >/dev/null
"${REPO_ROOT}/deploy/local/services.sh" build
"${REPO_ROOT}/deploy/local/services.sh" start
# The benchmarks start their own services from the release build (fresh databases, private topic prefixes); their logs
# go next to the stack's.
export ASN_BIN_DIR="${REPO_ROOT}/.build/release" ASN_TEST_LOG_DIR="${LOG_DIR}/bench"
.build/release/asn-bench "$@"
