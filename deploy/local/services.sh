#!/usr/bin/env bash
# Builds and starts (or stops) the suite's executables against the local stack. Usage: services.sh build|start|stop|status
source "$(dirname "$0")/common.sh"

BUILD_CONFIGURATION="${ASN_BUILD_CONFIGURATION:-debug}"
BIN_DIR="${REPO_ROOT}/.build/${BUILD_CONFIGURATION}"

build_all() {
  # The services plus the selection simulator, which seeds the demo (seed-demo.sh).
  for s in "${SERVICES[@]}" asn-sim; do
    (cd "${REPO_ROOT}" && swift build -c "${BUILD_CONFIGURATION}" --product "$s" >"${LOG_DIR}/build-$s.log" 2>&1) ||
      { tail -n 30 "${LOG_DIR}/build-$s.log" >&2; die "building $s failed (log: ${LOG_DIR}/build-$s.log)"; }
  done
}

# The environment of one service: its database, the broker, its port, local-development secrets.
service_env() {
  local svc="$1"
  echo "ASN_HTTP_HOST=127.0.0.1"
  echo "ASN_HTTP_PORT=$(service_port "$svc")"
  echo "ASN_POSTGRES_URL=$(service_database_url "$svc")"
  echo "ASN_KAFKA_BROKERS=${BROKER}"
  echo "ASN_KAFKA_SESSION_TIMEOUT_MS=6000"
  echo "ASN_LOG_FORMAT=${ASN_LOG_FORMAT:-json}"
  echo "ASN_LOG_LEVEL=${ASN_LOG_LEVEL:-info}"
  # Local development keys: fixed so that a restart keeps data readable. Production sets its own (deploy/README.md).
  echo "ASN_REGISTRATION_PERSONAL_DATA_KEY=bG9jYWwtZGV2ZWxvcG1lbnQta2V5LW5vdC1mb3ItcHI="
  echo "ASN_REGISTRATION_NIK_INDEX_KEY=bG9jYWwtbmlrLWluZGV4LWtleS1ub3QtZm9yLXByb2Q="
  echo "ASN_REGISTRATION_JWT_SIGNING_KEY=bG9jYWwtand0LXNpZ25pbmcta2V5LW5vdC1wcm9kISE="
  # The transparency log's checkpoint key (Ed25519 seed): fixed so that verifiers keep trusting the local log.
  echo "ASN_LOG_SIGNING_KEY=bG9jYWwtdHJhbnNwYXJlbmN5LWxvZy1zZWVkLW5vdCE="
  echo "ASN_LOG_ORIGIN=localhost/asn/transparency-log"
  echo "ASN_ANNOUNCEMENTS_PUBLIC_URL=http://127.0.0.1:$(service_port announcements)"
  # The demo seed signs up its applicants from 127.0.0.1; the default (20 a minute per address) suits the internet.
  echo "ASN_REGISTRATION_SIGNUPS_PER_MINUTE=${ASN_REGISTRATION_SIGNUPS_PER_MINUTE:-1000}"
  # bcrypt cost 10 (a quarter of production's 12) keeps the simulated demo's sign-ups quick on a laptop.
  echo "ASN_REGISTRATION_BCRYPT_COST=${ASN_REGISTRATION_BCRYPT_COST:-10}"
  echo "ASN_REGISTRATION_INITIAL_ADMIN_EMAIL=${ASN_DEMO_ADMIN_EMAIL}"
  echo "ASN_REGISTRATION_INITIAL_ADMIN_PASSWORD=${ASN_DEMO_ADMIN_PASSWORD}"
  # The other services trust the registration service's token keys and fetch documents from it.
  echo "ASN_AUTH_JWKS_URL=http://127.0.0.1:$(service_port registration)/.well-known/jwks.json"
  echo "ASN_VERIFICATION_REGISTRATION_URL=http://127.0.0.1:$(service_port registration)"
  echo "ASN_EXAM_REGISTRATION_URL=http://127.0.0.1:$(service_port registration)"
}

start() {
  mkdir -p "${LOG_DIR}"
  local svc pid_file
  for svc in "${SERVICES[@]}"; do
    pid_file="${STATE_DIR}/${svc}.pid"
    if [ -f "${pid_file}" ] && kill -0 "$(cat "${pid_file}")" 2>/dev/null; then
      say "${svc} already running"
      continue
    fi
    [ -x "${BIN_DIR}/${svc}" ] || die "${BIN_DIR}/${svc} is missing: build first"
    port_open "$(service_port "$svc")" && die "port $(service_port "$svc") for ${svc} is taken (set ASN_HTTP_PORT_BASE)"
    say "Starting ${svc} on http://127.0.0.1:$(service_port "$svc")"
    (
      set -a
      eval "$(service_env "$svc" | sed 's/^/export /')"
      # Its own session, so a Ctrl-C reaches only run.sh, which stops everything in order.
      exec setsid nohup "${BIN_DIR}/${svc}" serve >>"${LOG_DIR}/${svc}.log" 2>&1
    ) &
    echo $! >"${pid_file}"
  done
  for svc in "${SERVICES[@]}"; do
    wait_ready "$svc" 120
  done
}

wait_ready() {
  local svc="$1" deadline=$((SECONDS + $2)) url="http://127.0.0.1:$(service_port "$1")/health/ready"
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    kill -0 "$(cat "${STATE_DIR}/${svc}.pid")" 2>/dev/null || { tail -n 20 "${LOG_DIR}/${svc}.log" >&2; die "${svc} exited (log: ${LOG_DIR}/${svc}.log)"; }
    [ $SECONDS -lt $deadline ] || { curl -sS "$url" >&2 || true; die "${svc} not ready within $2 s (log: ${LOG_DIR}/${svc}.log)"; }
    sleep 0.5
  done
}

stop() {
  local svc pid_file pid
  for svc in "${SERVICES[@]}"; do
    pid_file="${STATE_DIR}/${svc}.pid"
    [ -f "${pid_file}" ] || continue
    pid="$(cat "${pid_file}")"
    if kill -0 "${pid}" 2>/dev/null; then
      say "Stopping ${svc}"
      kill -TERM "${pid}" 2>/dev/null || true
      for _ in $(seq 100); do kill -0 "${pid}" 2>/dev/null || break; sleep 0.1; done
      kill -9 "${pid}" 2>/dev/null || true
    fi
    rm -f "${pid_file}"
  done
}

status() {
  local svc
  for svc in "${SERVICES[@]}"; do
    printf '%-14s http://127.0.0.1:%s  ' "$svc" "$(service_port "$svc")"
    curl -fsS "http://127.0.0.1:$(service_port "$svc")/health/ready" 2>/dev/null && echo || echo "down"
  done
}

case "${1:-}" in
  build) mkdir -p "${LOG_DIR}"; build_all ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  env) service_env "${2:?service name}" ;;
  *) die "usage: $0 build|start|stop|status|env SERVICE" ;;
esac
