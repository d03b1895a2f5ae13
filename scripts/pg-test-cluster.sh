#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests (issue #16), on a free loopback TCP port.
#
#   scripts/pg-test-cluster.sh start DIR   (re)creates DIR, runs initdb into DIR/data, starts postgres
#                                          on 127.0.0.1, writes its base URL to DIR/url and prints it:
#                                          postgresql://tepei@127.0.0.1:PORT (no database; trust auth)
#   scripts/pg-test-cluster.sh stop DIR    fast shutdown, then removes DIR; succeeds if nothing runs
#
# ctest runs these as the fixture tests PostgreSQL.ClusterStart and PostgreSQL.ClusterStop.
# PostgreSQL refuses to run as root: when run by root, the cluster belongs to and runs as the
# unprivileged user TEPEI_PG_USER (default nobody), in a folder of its own under /tmp. Logs:
# log (server) and initdb.log beside the cluster's data.
# Tests run without fsync (a throw-away cluster); benchmarks set TEPEI_PG_FSYNC=on to measure
# commits that are durable, as a deployment's are and as the SQLite store's always are.
set -euo pipefail

usage() {
  echo "usage: $0 start|stop DIR" >&2
  exit 2
}
[ $# -eq 2 ] || usage
command="$1"
dir="$2"
if [ -z "$dir" ] || [ "$dir" = "/" ]; then usage; fi
case "$dir" in /*) ;; *) dir="$PWD/$dir" ;; esac
run_user="${TEPEI_PG_USER:-nobody}"
fsync="${TEPEI_PG_FSYNC:-off}"
# Where the cluster itself lives: DIR, or, when root runs this, a folder of DIR's own under /tmp
# (the unprivileged user may not reach DIR: a clone under /root, say). DIR always holds the url.
home="$dir"
if [ "$(id -u)" -eq 0 ]; then
  home="/tmp/tepei-pg-test-$(printf '%s' "$dir" | sha256sum | cut -c1-16)"
fi

# The newest /usr/lib/postgresql/*/bin with a postgres in it, else pg_config --bindir.
find_bindir() {
  local d best=""
  for d in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V); do
    [ -x "$d/postgres" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && best="$d"
  done
  if [ -z "$best" ] && command -v pg_config >/dev/null; then
    d="$(pg_config --bindir 2>/dev/null || true)"
    [ -n "$d" ] && [ -x "$d/postgres" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && best="$d"
  fi
  echo "$best"
}

# Runs a command as `user` ($1) when we are root and it is another user, else as ourselves.
as_user() {
  local user="$1"
  shift
  if [ "$(id -u)" -eq 0 ] && [ "$user" != "root" ]; then
    runuser -u "$user" -- "$@"
  else
    "$@"
  fi
}

# Stops whatever postgres still runs on DIR/data (a stale cluster of a killed run); never fails.
stop_cluster() {
  local data="$home/data" pidfile="$home/data/postmaster.pid" owner pid bindir
  [ -f "$pidfile" ] || return 0
  owner="$(stat -c %U "$data" 2>/dev/null || echo "$run_user")"
  bindir="$(find_bindir)"
  if [ -n "$bindir" ]; then
    as_user "$owner" "$bindir/pg_ctl" -D "$data" -m fast -w -t 20 stop >/dev/null 2>&1 || true
  fi
  # pg_ctl missing or failed (e.g. a half-written data dir): signal the postmaster itself, if the
  # pid in postmaster.pid is still a postmaster working in this data dir (its cwd).
  pid="$(head -n 1 "$pidfile" 2>/dev/null || true)"
  if [[ "$pid" =~ ^[0-9]+$ ]] && [ "$(readlink "/proc/$pid/cwd" 2>/dev/null)" = "$(readlink -f "$data")" ]; then
    kill -INT "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  return 0
}

free_port() {
  python3 -c "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1]); s.close()"
}

start() {
  local bindir data="$home/data" port url sockdir sockopt
  bindir="$(find_bindir)"
  if [ -z "$bindir" ]; then
    echo "pg-test-cluster: PostgreSQL server binaries not found; run ./scripts/setup-debian.sh, which installs the postgresql package" >&2
    exit 1
  fi
  stop_cluster
  rm -rf "$dir" "$home"
  mkdir -p "$dir" "$home/sock"
  if [ "$(id -u)" -eq 0 ]; then
    chown -R "$run_user" "$home"
    if ! runuser -u "$run_user" -- test -w "$home"; then
      echo "pg-test-cluster: user $run_user cannot write $home;" \
        "set TEPEI_PG_USER to another unprivileged user" >&2
      exit 1
    fi
  else
    run_user="$(id -un)"
  fi
  if ! as_user "$run_user" "$bindir/initdb" -D "$data" -A trust -U tepei -E UTF8 --no-locale --no-sync \
    >"$home/initdb.log" 2>&1; then
    echo "pg-test-cluster: initdb failed:" >&2
    cat "$home/initdb.log" >&2
    exit 1
  fi
  # A Unix socket path is limited to 107 bytes; with a longer DIR the cluster listens on TCP only.
  sockdir="$home/sock"
  sockopt="-k $sockdir"
  if [ $((${#sockdir} + 18)) -gt 100 ] || [[ "$sockdir" == *[[:space:]]* ]]; then
    sockopt="-k ''"
  fi
  # The port was free a moment ago; another process may take it first, so try a few.
  for _ in 1 2 3 4 5; do
    port="$(free_port)"
    if as_user "$run_user" "$bindir/pg_ctl" -D "$data" -l "$home/log" -w -t 20 \
      -o "-p $port $sockopt -c listen_addresses=127.0.0.1 -c fsync=$fsync -c max_connections=200" \
      start >/dev/null 2>&1; then
      url="postgresql://tepei@127.0.0.1:$port"
      echo "$url" >"$dir/url"
      echo "$url"
      return 0
    fi
    stop_cluster
  done
  echo "pg-test-cluster: postgres did not start; its log ($home/log):" >&2
  cat "$home/log" >&2 || true
  exit 1
}

stop() {
  stop_cluster
  rm -rf "$dir" "$home"
}

case "$command" in
  start) start ;;
  stop) stop ;;
  *) usage ;;
esac
