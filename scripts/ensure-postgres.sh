#!/usr/bin/env bash
# Make sure a PostgreSQL server answers on 127.0.0.1:5432 with a database `test` that the
# tests can use (user postgres, password postgres; trust auth works too).
# Uses a server that already runs; otherwise installs Debian's package and starts one, as on a
# user's fresh machine. Needs root (or sudo) only when it has to install or start the server.
set -euo pipefail

HOST=127.0.0.1
PORT=5432
SUDO=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then SUDO="sudo"; fi

answers() { pg_isready -q -h "$HOST" -p "$PORT" 2>/dev/null; }

if ! command -v pg_isready >/dev/null || ! answers; then
  if ! command -v pg_ctlcluster >/dev/null; then
    echo "ensure-postgres: installing PostgreSQL from Debian's packages" >&2
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
  fi
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  if [ -z "$version" ]; then
    echo "ensure-postgres: no PostgreSQL cluster found under /etc/postgresql" >&2
    exit 1
  fi
  echo "ensure-postgres: starting PostgreSQL $version" >&2
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do answers && break; sleep 1; done
  if ! answers; then
    echo "ensure-postgres: PostgreSQL did not start on $HOST:$PORT" >&2
    exit 1
  fi
fi

# Password for TCP logins (harmless under trust auth) and the test database.
as_postgres() {
  if [ "$(id -u)" = 0 ]; then su postgres -c "$1"; else $SUDO -u postgres sh -c "$1"; fi
}
if ! psql -h "$HOST" -p "$PORT" -U postgres -d test -c 'select 1' >/dev/null 2>&1 \
   && ! PGPASSWORD=postgres psql -h "$HOST" -p "$PORT" -U postgres -d test -c 'select 1' >/dev/null 2>&1; then
  as_postgres "psql -q -c \"ALTER USER postgres PASSWORD 'postgres'\"" || true
  as_postgres "createdb test" 2>/dev/null || true
fi
PGPASSWORD=postgres psql -h "$HOST" -p "$PORT" -U postgres -d test -qtc 'select 1' >/dev/null
echo "ensure-postgres: PostgreSQL answers on $HOST:$PORT, database test" >&2
