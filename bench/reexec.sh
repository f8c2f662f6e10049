#!/usr/bin/env bash
# Re-exec benchmark: unavailability per SIGUSR1 re-exec, our virtlockd against libvirt's, in the same run.
#
# For each daemon: a fresh sandbox owned by nobody, a probe (bench/reexec_probe.py) running as nobody that
# starts the daemon in the foreground through a symlink (the path a re-exec runs again), takes 3 locks on a
# holder connection, then sends SIGUSR1 RESTARTS times. Unavailability = from the signal to the first PONG
# answered by the new process image (the probe starts pinging once the old image has written its state file).
# After each re-exec the probe checks the holder connection and that the daemon still holds every lock, and
# records the daemon's descriptor count. Reported: median and max unavailability per daemon, the ratio, and
# the descriptor counts (a leak shows as growth). Target (issue 5): ours median <= 300 ms, max <= 1 s.
#
# Usage: bench/reexec.sh [-n RESTARTS (default 20)] [-o RESULT_FILE] [-T DIR]      (run as root)
set -euo pipefail

here="$(cd -- "$(dirname -- "$0")" && pwd -P)"
restarts=20
output="$here/results/reexec.txt"
ours="$(readlink -f -- "${VIRTLOCKD_OURS:-$here/../launcher/target/virtlockd/bin/virtlockd}")"
theirs="${VIRTLOCKD_LIBVIRT:-/usr/sbin/virtlockd}"
bench_uid=65534
bench_gid=65534
base=/tmp
[[ -d /dev/shm && -w /dev/shm ]] && base=/dev/shm

usage() {
  echo "usage: $0 [-n RESTARTS (default 20)] [-o RESULT_FILE (default bench/results/reexec.txt)] [-T DIR (default $base)]" >&2
  exit 2
}
. "$here/common.sh"

while getopts "n:o:T:h" opt; do
  case "$opt" in
    n) restarts="$OPTARG" ;;
    o) output="$OPTARG" ;;
    T) base="$OPTARG" ;;
    *) usage ;;
  esac
done
[[ "$restarts" =~ ^[1-9][0-9]*$ ]] || die "restarts must be a positive integer, got '$restarts'"
[[ -d "$base" ]] || die "-T $base: no such directory"

require_tools setpriv env mktemp chown awk sort date getent stat readlink seq ln sleep

make_work "$base" reexec
cp "$here/reexec_probe.py" "$work/probe.py"
cp "$here/keepalive.py" "$work/keepalive.py"
chmod 644 "$work/probe.py" "$work/keepalive.py"

# run_daemon KIND BINARY: the probe's "ok" lines go to $work/KIND.dat
run_daemon() {
  local kind="$1" bin="$2" sb status=0
  sb="$work/$kind"
  mkdir -p "$sb/run" "$sb/cfg" "$sb/cache"
  : >"$sb/virtlockd.conf"
  ln -s "$bin" "$sb/virtlockd"
  chmod 644 "$sb/virtlockd.conf"
  chown -h "$bench_uid:$bench_gid" "$sb" "$sb/run" "$sb/cfg" "$sb/cache" "$sb/virtlockd"
  setpriv --reuid="$bench_uid" --regid="$bench_gid" --clear-groups \
      env -i PATH=/usr/bin:/bin HOME="$sb" XDG_RUNTIME_DIR="$sb/run" XDG_CONFIG_HOME="$sb/cfg" XDG_CACHE_HOME="$sb/cache" \
      ${VIRTLOCKD_JAVA_OPTS:+VIRTLOCKD_JAVA_OPTS="$VIRTLOCKD_JAVA_OPTS"} \
      /usr/bin/python3 "$work/probe.py" "$sb/virtlockd" "$sb/run" "$sb/daemon.log" "$sb/daemon.pid" "$restarts" \
      "$sb/virtlockd.conf" >"$sb/probe.out" || status=$?
  if (( status != 0 )) || grep -q '^error' "$sb/probe.out"; then
    echo "$kind: probe failed:" >&2; cat "$sb/probe.out" >&2
    echo "--- daemon output (last 40 lines):" >&2; tail -40 "$sb/daemon.log" >&2 || true
    exit 1
  fi
  grep '^ok' "$sb/probe.out" | awk '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
      print v["n"], v["unavailable_us"], v["fds_before"], v["fds_after"], v["cpu_ms"] }' >"$work/$kind.dat"
}


load="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "re-exec: $restarts SIGUSR1 per daemon, libvirt's first" >&2
run_daemon libvirt "$theirs"
run_daemon ours "$ours"

read -r o_m o_min o_max <<<"$(stats "$work/ours.dat" 2)"
read -r l_m l_min l_max <<<"$(stats "$work/libvirt.dat" 2)"
read -r o_cpu _ _ <<<"$(stats "$work/ours.dat" 5)"
read -r l_cpu _ _ <<<"$(stats "$work/libvirt.dat" 5)"
o_fd_first="$(awk 'NR == 1 { print $4 }' "$work/ours.dat")"
o_fd_last="$(awk 'END { print $4 }' "$work/ours.dat")"
l_fd_first="$(awk 'NR == 1 { print $4 }' "$work/libvirt.dat")"
l_fd_last="$(awk 'END { print $4 }' "$work/libvirt.dat")"

mkdir -p "$(dirname -- "$output")"
{
  echo "# virtlockd re-exec benchmark, $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "# host: $(nproc) cores, $(uname -sr), load average before: $load; ours: $ours; libvirt: $("$theirs" -V 2>&1 | head -1)"
  echo "# $restarts re-execs each with 3 locks held; unavailability = SIGUSR1 to the first PONG from the new image"
  echo "# per re-exec: n unavailable_us fds_before fds_after cpu_ms (daemon CPU time, all threads, signal to PONG)"
  sed 's/^/# ours    /' "$work/ours.dat"
  sed 's/^/# libvirt /' "$work/libvirt.dat"
  awk -v om="$o_m" -v ox="$o_max" -v on="$o_min" -v lm="$l_m" -v lx="$l_max" -v ln="$l_min" 'BEGIN {
    printf "unavailability median: ours %.1f ms, libvirt %.1f ms (%.1fx)\n", om / 1000, lm / 1000, om / lm
    printf "unavailability max:    ours %.1f ms, libvirt %.1f ms; min ours %.1f ms, libvirt %.1f ms\n", ox / 1000, lx / 1000, on / 1000, ln / 1000
  }'
  echo "daemon CPU per re-exec, median: ours $o_cpu ms, libvirt $l_cpu ms"
  echo "descriptors after the first and the last re-exec: ours $o_fd_first -> $o_fd_last, libvirt $l_fd_first -> $l_fd_last"
  awk -v om="$o_m" -v ox="$o_max" 'BEGIN {
    ok = (om <= 300000 && ox <= 1000000)
    printf "target (median <= 300 ms, max <= 1 s): %s\n", ok ? "MET" : "NOT MET" }'
} | tee "$output"
