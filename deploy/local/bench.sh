#!/usr/bin/env bash
# `make bench`: release build, its own private stack (the "bench" stack: it can run while `make test` does), then the
# benchmarks; prints every figure and writes the results file (.stack/bench/PERFORMANCE.md). Arguments go to asn-bench,
# e.g. `deploy/local/bench.sh --only queue` (`asn-bench --help` lists them).
export ASN_STACK=bench
source "$(dirname "$0")/common.sh"

"${REPO_ROOT}/deploy/local/install.sh"
"${REPO_ROOT}/deploy/local/stack.sh" stop >/dev/null 2>&1 || true
"${REPO_ROOT}/deploy/local/stack.sh" start
trap '"${REPO_ROOT}/deploy/local/stack.sh" stop' EXIT
# shellcheck disable=SC1091
source "${STATE_DIR}/env"
export ASN_BUILD_CONFIGURATION=release
cd "${REPO_ROOT}"
say "Building (release)"
swift build -c release --product asn-bench >/dev/null
"${REPO_ROOT}/deploy/local/services.sh" build
# The benchmarks start their own services from the release build (fresh databases, private topic prefixes); their logs
# go next to the stack's.
export ASN_BIN_DIR="${REPO_ROOT}/.build/release" ASN_TEST_LOG_DIR="${LOG_DIR}/bench"
.build/release/asn-bench "$@"
