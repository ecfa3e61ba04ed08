#!/usr/bin/env bash
# Starts or stops the infrastructure of a local stack: PostgreSQL (one database and role per service) and the Tansu
# broker, both on loopback. Usage: stack.sh start|stop|restart-broker|restart-postgres|start-postgres|destroy|status|env
source "$(dirname "$0")/common.sh"

# cd first: PostgreSQL tools refuse to run from a directory the postgres user cannot read (e.g. a clone in /root).
pg_ctl_as_postgres() { su postgres -s /bin/bash -c "cd /tmp && $*"; }

start_postgres() {
  [ -n "${PG_BIN}" ] || die "PostgreSQL server binaries not found (run deploy/local/install.sh)"
  if [ ! -f "${PG_DIR}/data/PG_VERSION" ]; then
    say "Initialising PostgreSQL in ${PG_DIR}"
    rm -rf "${PG_DIR}"; mkdir -p "${PG_DIR}"; chown postgres: "${PG_DIR}"; chmod 700 "${PG_DIR}"
    pg_ctl_as_postgres "'${PG_BIN}/initdb' -D '${PG_DIR}/data' -A trust -U postgres -E UTF8 --locale=C.UTF-8" >/dev/null
  fi
  if pg_ctl_as_postgres "'${PG_BIN}/pg_ctl' -D '${PG_DIR}/data' status" >/dev/null 2>&1; then
    say "PostgreSQL already running on 127.0.0.1:${PG_PORT}"
  else
    port_open "${PG_PORT}" && die "port ${PG_PORT} is taken by another program (set ASN_PG_PORT)"
    say "Starting PostgreSQL on 127.0.0.1:${PG_PORT}"
    pg_ctl_as_postgres "'${PG_BIN}/pg_ctl' -D '${PG_DIR}/data' -w -t 60 -l '${PG_DIR}/postgres.log' \
      -o \"-p ${PG_PORT} -k '${PG_DIR}' -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=${ASN_PG_FSYNC:-on} ${ASN_PG_OPTIONS:-}\" start" >/dev/null
  fi
  local svc db
  for svc in "${!SERVICE_DATABASE[@]}"; do
    db="${SERVICE_DATABASE[$svc]}"
    if [ "${BROKER_STARTED_EMPTY:-0}" = 1 ]; then
      # The in-memory broker starts empty: data the databases still hold would point at offsets and events that no
      # longer exist, so the local stack starts over as a whole.
      psql_admin -qc "DROP DATABASE IF EXISTS ${db} WITH (FORCE)"
    fi
    psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = '${db}'" | grep -q 1 || psql_admin -qc "CREATE ROLE ${db} LOGIN"
    psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '${db}'" | grep -q 1 || psql_admin -qc "CREATE DATABASE ${db} OWNER ${db}"
  done
}

psql_admin() { psql -X -h 127.0.0.1 -p "${PG_PORT}" -U postgres -d postgres "$@"; }

stop_postgres() {
  if [ -f "${PG_DIR}/data/PG_VERSION" ] && pg_ctl_as_postgres "'${PG_BIN}/pg_ctl' -D '${PG_DIR}/data' status" >/dev/null 2>&1; then
    say "Stopping PostgreSQL"
    pg_ctl_as_postgres "'${PG_BIN}/pg_ctl' -D '${PG_DIR}/data' -m fast -w stop" >/dev/null
  fi
}

broker_pid_file="${STATE_DIR}/broker.pid"

start_broker() {
  if [ -f "${broker_pid_file}" ] && kill -0 "$(cat "${broker_pid_file}")" 2>/dev/null; then
    say "Broker already running on ${BROKER}"
    return
  fi
  port_open "${BROKER_PORT}" && die "port ${BROKER_PORT} is taken by another program (set ASN_BROKER_PORT)"
  say "Starting the Tansu broker on ${BROKER} (in memory; the service databases start over with it)"
  BROKER_STARTED_EMPTY=1
  mkdir -p "${LOG_DIR}"
  # Its own session: a Ctrl-C in the terminal must not kill it before the services that use it have stopped.
  setsid nohup "${REPO_ROOT}/.stack/tansu" broker \
    --listener-url "tcp://${BROKER}" --advertised-listener-url "tcp://${BROKER}" \
    --storage-engine memory://tansu/ >"${LOG_DIR}/broker.log" 2>&1 &
  echo $! >"${broker_pid_file}"
  wait_for_port "${BROKER_PORT}" 30 "the broker"
}

stop_broker() {
  if [ -f "${broker_pid_file}" ]; then
    local pid; pid="$(cat "${broker_pid_file}")"
    if kill -0 "${pid}" 2>/dev/null; then
      say "Stopping the broker"
      kill "${pid}" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "${pid}" 2>/dev/null || break; sleep 0.1; done
      kill -9 "${pid}" 2>/dev/null || true
    fi
    rm -f "${broker_pid_file}"
  fi
}

write_env() {
  mkdir -p "${STATE_DIR}"
  cat >"${STATE_DIR}/env" <<ENV
export LD_LIBRARY_PATH='${LD_LIBRARY_PATH}'
export ASN_TEST_POSTGRES_URL='$(admin_database_url)'
export ASN_TEST_KAFKA_BROKERS='${BROKER}'
export ASN_STACK_PG_PORT='${PG_PORT}'
export ASN_STACK_BROKER='${BROKER}'
export ASN_TEST_TANSU_BIN='${REPO_ROOT}/.stack/tansu'
ENV
}

case "${1:-}" in
  start) mkdir -p "${STATE_DIR}" "${LOG_DIR}"; start_broker; start_postgres; write_env ;;
  stop) stop_broker; stop_postgres ;;
  restart-broker) stop_broker; start_broker ;;  # keeps the databases: for outage drills (services republish)
  restart-postgres) stop_postgres; start_postgres ;;
  start-postgres) mkdir -p "${STATE_DIR}"; start_postgres ;;  # PostgreSQL alone (the fault drill brings its own broker)
  destroy) stop_broker; stop_postgres; rm -rf "${PG_DIR}" "${STATE_DIR}" ;;  # a throw-away stack: stop, delete its data
  status)
    pg_ctl_as_postgres "'${PG_BIN}/pg_ctl' -D '${PG_DIR}/data' status" >/dev/null 2>&1 && echo "postgres: up (127.0.0.1:${PG_PORT})" || echo "postgres: down"
    port_open "${BROKER_PORT}" && echo "broker: up (${BROKER})" || echo "broker: down" ;;
  env) write_env; cat "${STATE_DIR}/env" ;;
  *) die "usage: $0 start|stop|restart-broker|restart-postgres|start-postgres|destroy|status|env" ;;
esac
