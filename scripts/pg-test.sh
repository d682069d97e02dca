#!/usr/bin/env bash
# pg-test.sh COMMAND [ARGS…]: runs COMMAND against a throwaway PostgreSQL
# server, then stops the server and removes its files.
#
#   bash scripts/pg-test.sh make test-pg       # the store, office and cli tests on both engines
#   bash scripts/pg-test.sh bash               # a shell with the server up (try psql "$MOTCUA_TEST_PG")
#
# What it does, idempotently:
#   - installs Debian's `postgresql` (15) with apt-get when its binaries are missing;
#   - initialises a cluster in a temporary directory and starts it on
#     127.0.0.1:${MOTCUA_PG_PORT:-55432}, as the `postgres` user when run as root
#     (initdb refuses root), as the calling user otherwise;
#   - creates the database `motcua` and two roles, as docs/postgresql.md
#     recommends for an office:
#       motcua_owner  owns the database and its schemas: it runs the migrations
#                     (the program upgrades the schema when opened with this role);
#       motcua_desk   what the desks connect as: SELECT/INSERT/UPDATE/DELETE on the
#                     tables and use of the sequences, but it owns nothing, so it
#                     cannot CREATE, ALTER or DROP a table;
#   - exports MOTCUA_TEST_PG (the owner's URL: each test makes its own schema) and
#     MOTCUA_TEST_PG_DESK (the desk role's URL), then runs COMMAND;
#   - stops the cluster and deletes the directory whatever COMMAND returned, and
#     exits with COMMAND's status.
set -euo pipefail
port=${MOTCUA_PG_PORT:-55432}
bindir=
for v in 17 16 15; do
	if [ -x /usr/lib/postgresql/$v/bin/initdb ]; then bindir=/usr/lib/postgresql/$v/bin; break; fi
done
if [ -z "$bindir" ]; then
	echo "pg-test: installing PostgreSQL (Debian package postgresql) …" >&2
	export DEBIAN_FRONTEND=noninteractive
	sudo=; [ "$(id -u)" = 0 ] || sudo="sudo -E"
	$sudo apt-get update -qq >/dev/null && $sudo apt-get install -y -qq postgresql >/dev/null
	for v in 17 16 15; do
		if [ -x /usr/lib/postgresql/$v/bin/initdb ]; then bindir=/usr/lib/postgresql/$v/bin; break; fi
	done
	[ -n "$bindir" ] || { echo "pg-test: PostgreSQL did not install" >&2; exit 1; }
fi

dir=$(mktemp -d /tmp/motcua-pg.XXXXXX)
chmod 755 "$dir"
as_pg() { # runs a shell line as the cluster's owner
	if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$1"; else bash -c "$1"; fi
}
if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
stop() {
	as_pg "$bindir/pg_ctl -D $dir/data -m fast stop" >/dev/null 2>&1 || true
	rm -rf "$dir"
}
trap stop EXIT
as_pg "$bindir/initdb -D $dir/data -A trust -U postgres -E UTF8 --locale=C.UTF-8" >"$dir/initdb.log" 2>&1 ||
	{ cat "$dir/initdb.log" >&2; exit 1; }
# fsync stays on: the durability of a receive is part of what is measured.
as_pg "$bindir/pg_ctl -D $dir/data -o '-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200' -l $dir/log -w start" >/dev/null ||
	{ cat "$dir/log" >&2; exit 1; }

psql_admin() { psql -v ON_ERROR_STOP=1 -q -h 127.0.0.1 -p "$port" -U postgres "$@"; }
psql_admin -d postgres <<'SQL'
CREATE ROLE motcua_owner LOGIN;
CREATE ROLE motcua_desk LOGIN;
CREATE DATABASE motcua OWNER motcua_owner;
SQL
psql_admin -d motcua <<'SQL'
-- The desk role may use what the owner creates, but owns nothing itself.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
ALTER SCHEMA public OWNER TO motcua_owner;
GRANT USAGE ON SCHEMA public TO motcua_desk;
ALTER DEFAULT PRIVILEGES FOR ROLE motcua_owner GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO motcua_desk;
ALTER DEFAULT PRIVILEGES FOR ROLE motcua_owner GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO motcua_desk;
SQL

export MOTCUA_TEST_PG="postgres://motcua_owner@127.0.0.1:$port/motcua?sslmode=disable"
export MOTCUA_TEST_PG_DESK="postgres://motcua_desk@127.0.0.1:$port/motcua?sslmode=disable"
# For tests that start, stop and restart a server of their own (connection loss).
export MOTCUA_TEST_PG_BIN=$bindir
echo "pg-test: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port; MOTCUA_TEST_PG=$MOTCUA_TEST_PG" >&2
set +e
"$@"
status=$?
set -e
exit $status
