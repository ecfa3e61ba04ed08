#!/usr/bin/env bash
# Starts the whole suite in the background: installs what is missing, starts PostgreSQL and the broker, builds and
# starts the services, seeds a demo selection, prints the URLs. `make down` stops it all.
source "$(dirname "$0")/common.sh"
export ASN_STACK=run

"${REPO_ROOT}/deploy/local/install.sh"
"${REPO_ROOT}/deploy/local/stack.sh" start
"${REPO_ROOT}/deploy/local/services.sh" build
"${REPO_ROOT}/deploy/local/services.sh" start
# `make demo` (ASN_DEMO_FOREGROUND=1) waits for the whole simulated selection; `make up`/`make run` let it run on.
if [ "${ASN_DEMO_FOREGROUND:-0}" = 1 ]; then
  "${REPO_ROOT}/deploy/local/seed-demo.sh" foreground
else
  "${REPO_ROOT}/deploy/local/seed-demo.sh" background
fi

cat <<TXT

The suite is running (logs in ${LOG_DIR}):
$(for s in "${SERVICES[@]}"; do printf '  %-14s http://127.0.0.1:%s   (health: /health/ready, metrics: /metrics, info: /info)\n' "$s" "$(service_port "$s")"; done)
  PostgreSQL     postgres://postgres@127.0.0.1:${PG_PORT}/postgres
  Kafka broker   ${BROKER} (Tansu, in memory)

Administrator (local only): ${ASN_DEMO_ADMIN_EMAIL} / ${ASN_DEMO_ADMIN_PASSWORD}
  log in: curl -X POST http://127.0.0.1:$(service_port registration)/v1/auth/token -H 'Content-Type: application/json' \
          -d '{"username": "${ASN_DEMO_ADMIN_EMAIL}", "password": "${ASN_DEMO_ADMIN_PASSWORD}"}'
Officers of the demo selection (log in at registration; password ${ASN_DEMO_OFFICER_PASSWORD:-Simulasi-Petugas-2026}):
$("${REPO_ROOT}/.build/${ASN_BUILD_CONFIGURATION:-debug}/asn-sim" --list-officers | sed 's/^/  /')
Demo selection: simulated by asn-sim (log: ${LOG_DIR}/simulator.log); applicants log in with the e-mail addresses
  sim<run tag>.<n>@example.org printed there (password Simulasi-<run tag>-<n>!).
Public page (live SKD scores, announcements, transparency-log check): http://127.0.0.1:$(service_port announcements)/
Public applicant counts per formation: http://127.0.0.1:$(service_port announcements)/v1/formations/counts
Transparency log: http://127.0.0.1:$(service_port announcements)/v1/log/checkpoint (key: /v1/log/key)
TXT
