#!/bin/bash
# Runs once, when the postgres container initialises an empty data directory (/docker-entrypoint-initdb.d): one role
# and one database per service, each database owned by its role, so that no service can read another's data
# (ARCHITECTURE §2). The services create their tables themselves (migrations at start). Passwords come from the
# environment of the postgres container (docker-compose.yml passes them from .env); a later change of .env does NOT
# change them here: use ALTER ROLE ... PASSWORD (deploy/README.md, "Changing a database password").
set -euo pipefail

# role/database name, then the variable holding its password.
services=(
  "registration:ASN_DB_PASSWORD_REGISTRATION"
  "verification:ASN_DB_PASSWORD_VERIFICATION"
  "exam_scoring:ASN_DB_PASSWORD_EXAM_SCORING"
  "announcements:ASN_DB_PASSWORD_ANNOUNCEMENTS"
)

for entry in "${services[@]}"; do
  name="${entry%%:*}"
  variable="${entry#*:}"
  password="${!variable:-}"
  if [ -z "${password}" ]; then
    echo "error: ${variable} is empty; set it in .env (deploy/compose.env.example)" >&2
    exit 1
  fi
  # psql variables (:'password') quote the value, so any character is safe in SQL.
  psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname postgres \
       -v name="${name}" -v password="${password}" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'name', :'password')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'name') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'name', :'name')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'name') \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'name') \gexec
SQL
done
