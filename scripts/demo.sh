#!/usr/bin/env bash
# The Tepei demo: sets up a Debian 12 machine, builds, seeds demo data once, runs tepei-server on
# 127.0.0.1:8765 and the desktop client against it. Safe to run again: the build is incremental,
# the data in build/demo-data is seeded only the first time.
#
# Extra arguments go to cmake (e.g. -DTEPEI_BUILD_CLIENT=OFF on a machine without Qt).
# Environment: TEPEI_BUILD_DIR (default build/), TEPEI_JOBS (parallel compile jobs),
# TEPEI_DEMO_PORT (default 8765), TEPEI_DEMO_SKIP_SETUP=1 (do not check Debian packages).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${TEPEI_BUILD_DIR:-$root/build}"
port="${TEPEI_DEMO_PORT:-8765}"
data="$build/demo-data"
url="http://127.0.0.1:$port"
say() { echo "demo: $*"; }

if [ "${TEPEI_DEMO_SKIP_SETUP:-0}" != 1 ]; then
  "$root/scripts/setup-debian.sh"
fi
say "building into $build (incremental after the first time) ..."
TEPEI_BUILD_DIR="$build" "$root/scripts/build.sh" "$@"

admin="$build/server/tepei-admin"
server="$build/server/tepei-server"
client="$build/qml/tepei-client"
for exe in "$admin" "$server"; do
  if [ ! -x "$exe" ]; then
    say "$exe was not built; build with -DTEPEI_BUILD_SERVER=ON (the default) and try again." >&2
    exit 1
  fi
done

# Seed once. The logins are kept beside the data so that every later run can show them.
logins="$data/demo-logins.txt"
if [ -f "$data/.demo-seeded" ]; then
  say "demo data already in $data (delete that directory to seed afresh)."
else
  mkdir -p "$data"
  say "seeding demo data into $data ..."
  if "$admin" --data "$data" demo --campaign "$root/data/campaigns/2024.json" --rehearse 60 >"$logins" 2>"$data/demo-seed.err"; then
    touch "$data/.demo-seeded"
  elif grep -q "holds demo data already" "$data/demo-seed.err"; then
    touch "$data/.demo-seeded"
    say "demo data was there already."
  else
    cat "$data/demo-seed.err" >&2
    say "seeding failed (see above); fix the cause, delete $data and run this script again." >&2
    exit 1
  fi
fi

# The port must be free: another demo (or anything else) may be listening there.
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  say "something is listening on 127.0.0.1:$port already (another demo?); stop it, or choose another" \
    "port with TEPEI_DEMO_PORT=8766 $0" >&2
  exit 1
fi

server_log="$build/demo-server.log"
"$server" --data "$data" --listen "127.0.0.1:$port" >>"$server_log" 2>&1 &
server_pid=$!
stop_server() {
  if kill -0 "$server_pid" 2>/dev/null; then
    say "stopping tepei-server (pid $server_pid) ..."
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
}
trap stop_server EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# GET /v1/health over bash's /dev/tcp (curl may not be installed): true once it answers 200.
healthy() {
  local reply
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  printf 'GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$port" >&3
  IFS= read -r -t 5 reply <&3 || reply=""
  exec 3<&- 3>&-
  [[ "$reply" == *" 200 "* ]]
}
for _ in $(seq 1 150); do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    tail -n 20 "$server_log" >&2
    say "tepei-server exited at start-up (log above, full log in $server_log)." >&2
    exit 1
  fi
  if healthy 2>/dev/null; then
    break
  fi
  sleep 0.2
done
if ! healthy 2>/dev/null; then
  say "tepei-server did not answer $url/v1/health within 30 s; see $server_log." >&2
  exit 1
fi
say "tepei-server is up at $url (pid $server_pid, log $server_log)."
if [ -f "$logins" ]; then
  sed -n '/^Applications/,$p' "$logins"
fi

if [ -x "$client" ] && [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  say "starting the client; closing its window stops the demo."
  "$client" --server "$url" || say "the client exited with status $?."
else
  if [ ! -x "$client" ]; then
    say "the desktop client ($client) is not built (Qt 6 missing, or -DTEPEI_BUILD_CLIENT=OFF)."
  else
    say "no display (DISPLAY and WAYLAND_DISPLAY are unset): the client is not started."
    say "on a desktop, run: $client --server $url"
  fi
  say "the server keeps running at $url: point a client there, or try"
  say "  curl $url/v1/health"
  say "press Ctrl+C to stop it."
  wait "$server_pid" || true
  say "tepei-server has stopped."
fi
