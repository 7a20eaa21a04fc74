#!/usr/bin/env bash
# Creates one database and one owner role per service (users, orders, payments).
# Run once by the postgres image on an empty data directory (/docker-entrypoint-initdb.d).
# The role passwords come from the environment (USERS_DB_PASSWORD, ORDERS_DB_PASSWORD,
# PAYMENTS_DB_PASSWORD); the same file is used by the Kubernetes "infrastructure" component
# (deploy/k8s/components/infrastructure/postgres-init.sh, kept identical by deploy/check.sh).
set -euo pipefail

create() {
  local db="$1" role="$2" password="$3"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v role="$role" -v password="$password" -v db="$db" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'role', :'password')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role')
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'db') \gexec
SQL
}

create users    user_service    "${USERS_DB_PASSWORD:?USERS_DB_PASSWORD must be set}"
create orders   order_service   "${ORDERS_DB_PASSWORD:?ORDERS_DB_PASSWORD must be set}"
create payments payment_service "${PAYMENTS_DB_PASSWORD:?PAYMENTS_DB_PASSWORD must be set}"
