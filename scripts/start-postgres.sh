#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server for the tests: Debian's postgresql package (installed if
# missing), a fresh cluster in a temporary folder, listening on a free loopback port only, with one
# database. Prints shell lines to eval:
#   MLOPS_TEST_POSTGRES      the Npgsql connection string of the database
#   MLOPS_TEST_POSTGRES_DIR  the cluster's folder, for `start-postgres.sh --stop DIR`
# Usage: eval "$(scripts/start-postgres.sh)"; …; scripts/start-postgres.sh --stop "$MLOPS_TEST_POSTGRES_DIR"
set -euo pipefail

as_owner=()
if [[ $(id -u) -eq 0 ]]; then
  # PostgreSQL refuses to run as root: the cluster belongs to the postgres user the package creates.
  as_owner=(runuser -u postgres --)
fi

bin_dir() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [[ -n "$dir" && -x "$dir/initdb" ]] && echo "$dir"
}

if [[ "${1:-}" == "--stop" ]]; then
  dir="${2:?usage: start-postgres.sh --stop DIR}"
  pg="$(bin_dir)"
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    "${as_owner[@]}" "$pg/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
  fi
  rm -rf "$dir"
  exit 0
fi

if ! pg="$(bin_dir)"; then
  echo "start-postgres: installing Debian's postgresql package" >&2
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  pg="$(bin_dir)" || { echo "start-postgres: no initdb after installing postgresql" >&2; exit 1; }
fi

dir="$(mktemp -d "${TMPDIR:-/tmp}/mlops-postgres.XXXXXX")"
chmod 755 "$dir"
[[ $(id -u) -eq 0 ]] && chown postgres: "$dir"

port="$("$(dirname "${BASH_SOURCE[0]}")/free-port.sh")"

"${as_owner[@]}" "$pg/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }
# Loopback only, the socket in our own folder (not /var/run/postgresql), small and fast (data is disposable).
"${as_owner[@]}" "$pg/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
"${as_owner[@]}" "$pg/createdb" -h 127.0.0.1 -p "$port" -U postgres mlops_test

echo "export MLOPS_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Database=mlops_test'"
echo "export MLOPS_TEST_POSTGRES_DIR='$dir'"
