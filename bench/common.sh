# Shared by startup.sh and reexec.sh (sourced, not run): checks, the work area with its clean-up, statistics.
# Expects: $bench_uid, $ours, $theirs.

die() { echo "$0: error: $*" >&2; exit 1; }

# require_tools TOOL...: root, the tools, python3, both daemons, java on the daemons' PATH, the bench user
require_tools() {
  local tool
  [[ "$(id -u)" == 0 ]] || die "run as root (the daemons and the probe drop to uid $bench_uid themselves)"
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || die "missing tool: $tool"
  done
  [[ -x /usr/bin/python3 ]] || die "missing tool: /usr/bin/python3 (Debian package python3)"
  [[ -z "$theirs" || -x "$theirs" ]] || die "missing tool: $theirs (Debian package libvirt-daemon)"
  [[ -x "$ours" ]] || die "missing tool: $ours (build the distribution: mvn package -pl launcher)"
  PATH=/usr/bin:/bin command -v java >/dev/null 2>&1 || die "missing tool: java in /usr/bin or /bin (our daemon runs with PATH=/usr/bin:/bin)"
  getent passwd "$bench_uid" >/dev/null || die "no user with uid $bench_uid"
}

# make_work BASE NAME: sets $work to a fresh directory and stops, at exit, every daemon whose pid a
# <work>/*/daemon.pid still names (SIGTERM, SIGKILL after 5 s), then removes the directory
make_work() {
  work="$(mktemp -d "$1/virtlockd-$2.XXXXXX")"
  chmod 755 "$work"
  trap cleanup_work EXIT
  trap 'exit 130' INT TERM
}

cleanup_work() {
  local f pid i
  for f in "$work"/*/daemon.pid; do
    [[ -s "$f" ]] || continue
    pid="$(cat "$f")"
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      for i in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$work"
}

# stats FILE COLUMN: "median min max" of that column
stats() {
  sort -n -k"$2","$2" "$1" | awk -v c="$2" '{ a[NR] = $c } END {
    m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
    print m, a[1], a[NR] }'
}
