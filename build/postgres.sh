#!/usr/bin/env bash
# A local PostgreSQL for the backend's tests and for running the backend on a
# real database: installs Debian's postgresql where it is missing, starts the
# cluster, creates the role and the database if they do not exist yet, and
# prints one line on stdout, the URL to use:
#
#   export DATABASE_URL="$(bash build/postgres.sh)"
#
# Safe to run again and again. Everything else it says goes to stderr.
# Role, password and database: AW_PG_ROLE, AW_PG_PASSWORD, AW_PG_DB
# (default aw / aw / aw_test). The role may create databases, because the
# tests make a fresh database per test file and drop it afterwards.
set -euo pipefail

ROLE="${AW_PG_ROLE:-aw}"
PASSWORD="${AW_PG_PASSWORD:-aw}"
DB="${AW_PG_DB:-aw_test}"

say() { echo "postgres.sh: $*" >&2; }
fail() { say "$*"; exit 1; }

for name in "$ROLE" "$DB"; do
  [[ "$name" =~ ^[a-z_][a-z0-9_]*$ ]] || fail "'$name' is not a plain lower-case identifier; choose another role or database name."
done
[[ "$PASSWORD" != *"'"* ]] || fail "the password may not contain a single quote."

if [ "$(id -u)" = 0 ]; then
  as_root() { "$@"; }
  as_postgres() { runuser -u postgres -- "$@"; }
elif command -v sudo >/dev/null; then
  as_root() { sudo "$@"; }
  as_postgres() { sudo -u postgres "$@"; }
else
  fail "run as root (or with sudo available): installing and starting PostgreSQL needs it."
fi

if ! command -v pg_ctlcluster >/dev/null || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
  command -v apt-get >/dev/null || fail "PostgreSQL is not installed and this machine has no apt-get: install PostgreSQL 15 or newer and set DATABASE_URL yourself."
  say "installing postgresql"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq >&2
  as_root apt-get install -y -qq postgresql >&2
fi

VERSION="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" { found = 1 } END { exit !found }'; then
  say "creating cluster $VERSION/main"
  as_root pg_createcluster "$VERSION" main >&2
fi
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" && $4 == "online" { found = 1 } END { exit !found }'; then
  say "starting cluster $VERSION/main"
  as_root pg_ctlcluster "$VERSION" main start >&2
fi
PORT="$(pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" { print $3 }')"

for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p "$PORT" && break
  sleep 1
done
pg_isready -q -h 127.0.0.1 -p "$PORT" || fail "PostgreSQL $VERSION does not answer on 127.0.0.1:$PORT; see /var/log/postgresql/."

psql_admin() { as_postgres psql -p "$PORT" -v ON_ERROR_STOP=1 -tAq "$@"; }

if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != 1 ]; then
  say "creating role $ROLE"
  psql_admin -c "CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD'"
else
  psql_admin -c "ALTER ROLE $ROLE LOGIN CREATEDB"
fi
# The tests drop their databases WITH (FORCE); on PostgreSQL 15 that is refused to a plain role while an
# autovacuum worker is in the database (it counts as another role's process), unless the role may signal backends.
if [ "$(psql_admin -c "SELECT pg_has_role('$ROLE', 'pg_signal_backend', 'member')")" != t ]; then
  psql_admin -c "GRANT pg_signal_backend TO $ROLE"
fi
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != 1 ]; then
  say "creating database $DB"
  psql_admin -c "CREATE DATABASE $DB OWNER $ROLE"
fi

echo "postgres://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DB"
