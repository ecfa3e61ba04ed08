# Shared settings for the local-stack scripts. Sourced, never executed.
# Everything runs on loopback; ports avoid the defaults of a system-wide PostgreSQL (5432) or Kafka (9092).

set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# Which stack: "run" (make run / up), "test" (make test) or "bench" (make bench). Each has its own ports and state, so
# tests never touch a running demo, and the benchmarks can run while the tests do.
STACK_NAME="${ASN_STACK:-run}"
STATE_DIR="${REPO_ROOT}/.stack/${STACK_NAME}"
# PostgreSQL runs as the `postgres` user, which cannot enter a clone under /root: its data lives under /tmp.
PG_DIR="${ASN_PG_DIR:-/tmp/asn-pg-$(printf '%s' "${REPO_ROOT}/${STACK_NAME}" | md5sum | cut -c1-10)}"
VENV_DIR="${REPO_ROOT}/.stack/venv"
RUNTIME_LIB_DIR="${REPO_ROOT}/.stack/lib"
LOG_DIR="${STATE_DIR}/logs"

if [ "${STACK_NAME}" = "test" ]; then
  PG_PORT="${ASN_PG_PORT:-55433}"
  BROKER_PORT="${ASN_BROKER_PORT:-59093}"
  HTTP_PORT_BASE="${ASN_HTTP_PORT_BASE:-18080}"
elif [ "${STACK_NAME}" = "bench" ]; then
  PG_PORT="${ASN_PG_PORT:-55434}"
  BROKER_PORT="${ASN_BROKER_PORT:-59094}"
  HTTP_PORT_BASE="${ASN_HTTP_PORT_BASE:-28080}"
else
  PG_PORT="${ASN_PG_PORT:-55432}"
  BROKER_PORT="${ASN_BROKER_PORT:-59092}"
  HTTP_PORT_BASE="${ASN_HTTP_PORT_BASE:-8080}"
fi
BROKER="127.0.0.1:${BROKER_PORT}"
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"

# The local stacks' initial administrator (production configures its own, deploy/README.md).
ASN_DEMO_ADMIN_EMAIL="${ASN_DEMO_ADMIN_EMAIL:-admin@kupangkota.go.id}"
ASN_DEMO_ADMIN_PASSWORD="${ASN_DEMO_ADMIN_PASSWORD:-Admin-Kupang-2026}"

# The four services: name, HTTP port offset, database name.
SERVICES=(registration verification exam-scoring announcements)
declare -A SERVICE_PORT_OFFSET=([registration]=1 [verification]=2 [exam-scoring]=3 [announcements]=4)
declare -A SERVICE_DATABASE=([registration]=registration [verification]=verification [exam-scoring]=exam_scoring [announcements]=announcements)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

service_port() { echo $((HTTP_PORT_BASE + SERVICE_PORT_OFFSET[$1])); }
service_database_url() { echo "postgres://${SERVICE_DATABASE[$1]}@127.0.0.1:${PG_PORT}/${SERVICE_DATABASE[$1]}"; }
admin_database_url() { echo "postgres://postgres@127.0.0.1:${PG_PORT}/postgres"; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for_port() { # port seconds what
  local deadline=$((SECONDS + $2))
  until port_open "$1"; do
    [ $SECONDS -lt $deadline ] || die "$3 did not open port $1 within $2 s"
    sleep 0.2
  done
}

# The newer librdkafka runtime goes first on the library path (ARCHITECTURE §8); we compile against Debian's headers.
export LD_LIBRARY_PATH="${RUNTIME_LIB_DIR}${LD_LIBRARY_PATH:+:${LD_LIBRARY_PATH}}"
