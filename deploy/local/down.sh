#!/usr/bin/env bash
# Stops everything `make up` or `make run` started.
source "$(dirname "$0")/common.sh"
export ASN_STACK=run
"${REPO_ROOT}/deploy/local/services.sh" stop
"${REPO_ROOT}/deploy/local/stack.sh" stop
