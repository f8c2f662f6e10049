#!/usr/bin/env bash
# Start-up benchmark: our virtlockd against libvirt's, in the same run, alternating.
#
# For every run and daemon: a fresh sandbox (XDG_RUNTIME_DIR, XDG_CONFIG_HOME, XDG_CACHE_HOME owned by
# nobody), a probe running as nobody that takes the time, execs the daemon in the foreground and polls the
# lock socket until a keepalive PING is answered by a PONG. Reported: the time from exec to that PONG,
# median/min/max over the runs, and VmRSS/VmHWM of the daemon after it has then been idle (default 1 s).
# The probe stops the daemon by pid (SIGTERM, SIGKILL after 30 s); the EXIT trap stops whatever is left.
#
# Usage: bench/startup.sh [-n RUNS] [-i IDLE_SECONDS] [-o RESULT_FILE] [-T DIR]      (run as root)
set -euo pipefail

here="$(cd -- "$(dirname -- "$0")" && pwd -P)"
runs=5
idle=1
output="$here/results/startup.txt"
ours="$(readlink -f -- "${VIRTLOCKD_OURS:-$here/../launcher/target/virtlockd/bin/virtlockd}")"
theirs="${VIRTLOCKD_LIBVIRT:-/usr/sbin/virtlockd}"
bench_uid=65534
# Sandboxes on tmpfs by default: XDG_RUNTIME_DIR is tmpfs on real hosts, and on this machine's ext4 a file
# creation costs 0.4 to 4 ms, which would measure the disk instead of the daemons.
base=/tmp
[[ -d /dev/shm && -w /dev/shm ]] && base=/dev/shm
bench_gid=65534

usage() {
  echo "usage: $0 [-n RUNS (default 5)] [-i IDLE_SECONDS (default 1)] [-o RESULT_FILE (default bench/results/startup.txt)]" >&2
  echo "       [-T DIR (where the sandboxes go, default $base)]" >&2
  exit 2
}
. "$here/common.sh"

while getopts "n:i:o:T:h" opt; do
  case "$opt" in
    n) runs="$OPTARG" ;;
    i) idle="$OPTARG" ;;
    o) output="$OPTARG" ;;
    T) base="$OPTARG" ;;
    *) usage ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "runs must be a positive integer, got '$runs'"
[[ "$idle" =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "idle seconds must be a number, got '$idle'"
[[ -d "$base" ]] || die "-T $base: no such directory"

# --- tools -----------------------------------------------------------------------------------------
require_tools setpriv env mktemp chown awk sort date getent cut stat readlink seq

# --- work area and clean-up ------------------------------------------------------------------------
make_work "$base" startup

# The probe runs as nobody with the daemon's clean environment; it execs the daemon itself so that its own
# interpreter start-up is not part of the measurement.
cp "$here/startup_probe.py" "$work/probe.py"
cp "$here/keepalive.py" "$work/keepalive.py"
chmod 644 "$work/probe.py" "$work/keepalive.py"

# run_once KIND BINARY INDEX: prints "startup_us rss_kb hwm_kb"
run_once() {
  local kind="$1" bin="$2" n="$3" sb line
  sb="$work/$kind-$n"
  mkdir -p "$sb/run" "$sb/cfg" "$sb/cache"
  : >"$sb/virtlockd.conf"
  chmod 644 "$sb/virtlockd.conf"
  chown "$bench_uid:$bench_gid" "$sb" "$sb/run" "$sb/cfg" "$sb/cache"
  line="$(setpriv --reuid="$bench_uid" --regid="$bench_gid" --clear-groups \
      env -i PATH=/usr/bin:/bin HOME="$sb" XDG_RUNTIME_DIR="$sb/run" XDG_CONFIG_HOME="$sb/cfg" XDG_CACHE_HOME="$sb/cache" \
      /usr/bin/python3 "$work/probe.py" "$sb/run/libvirt/virtlockd-sock" "$idle" "$sb/daemon.log" "$sb/daemon.pid" \
      "$bin" -f "$sb/virtlockd.conf")" || true
  case "$line" in
    ok\ *) ;;
    *) echo "$kind run $n failed: ${line:-probe failed}" >&2
       echo "--- daemon output:" >&2; cat "$sb/daemon.log" >&2 || true
       exit 1 ;;
  esac
  echo "$line" | awk '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } print v["startup_us"], v["rss_kb"], v["hwm_kb"] }'
}


load="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "start-up: $runs runs per daemon, alternating; idle ${idle} s before reading memory" >&2
for n in $(seq "$runs"); do
  if (( n % 2 )); then order="ours libvirt"; else order="libvirt ours"; fi
  for kind in $order; do
    if [[ "$kind" == ours ]]; then bin="$ours"; else bin="$theirs"; fi
    r="$(run_once "$kind" "$bin" "$n")"
    echo "$r" >>"$work/$kind.dat"
    printf '# run %d %-7s %8.1f ms  VmRSS %7d KiB  VmHWM %7d KiB\n' "$n" "$kind" \
      "$(awk '{ print $1 / 1000 }' <<<"$r")" "$(cut -d' ' -f2 <<<"$r")" "$(cut -d' ' -f3 <<<"$r")" | tee -a "$work/runs.txt" >&2
  done
done

read -r o_t o_tmin o_tmax <<<"$(stats "$work/ours.dat" 1)"
read -r l_t l_tmin l_tmax <<<"$(stats "$work/libvirt.dat" 1)"
read -r o_rss o_rssmin o_rssmax <<<"$(stats "$work/ours.dat" 2)"
read -r l_rss l_rssmin l_rssmax <<<"$(stats "$work/libvirt.dat" 2)"
read -r o_hwm o_hwmmin o_hwmmax <<<"$(stats "$work/ours.dat" 3)"
read -r l_hwm l_hwmmin l_hwmmax <<<"$(stats "$work/libvirt.dat" 3)"

mkdir -p "$(dirname -- "$output")"
{
  echo "# virtlockd start-up benchmark, $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "# host: $(nproc) cores, $(uname -sr), load average before: $load; ours: $ours; libvirt: $("$theirs" -V 2>&1 | head -1)"
  echo "# sandboxes in $base ($(stat -f -c %T "$base"))"
  echo "# $runs runs each, alternating; time = exec to PONG on the lock socket; memory after ${idle} s idle"
  cat "$work/runs.txt"
  awk -v ot="$o_t" -v otn="$o_tmin" -v otx="$o_tmax" -v lt="$l_t" -v ltn="$l_tmin" -v ltx="$l_tmax" \
      -v or="$o_rss" -v orn="$o_rssmin" -v orx="$o_rssmax" -v lr="$l_rss" -v lrn="$l_rssmin" -v lrx="$l_rssmax" \
      -v oh="$o_hwm" -v ohn="$o_hwmmin" -v ohx="$o_hwmmax" -v lh="$l_hwm" -v lhn="$l_hwmmin" -v lhx="$l_hwmmax" 'BEGIN {
    printf "%-22s %12s %12s %12s %12s %12s %12s %14s\n", "metric", "ours median", "ours min", "ours max", "libvirt med", "libvirt min", "libvirt max", "ours/libvirt"
    printf "%-22s %12.1f %12.1f %12.1f %12.1f %12.1f %12.1f %13.1fx\n", "start-up time [ms]", ot/1000, otn/1000, otx/1000, lt/1000, ltn/1000, ltx/1000, ot/lt
    printf "%-22s %12d %12d %12d %12d %12d %12d %13.1fx\n", "VmRSS idle [KiB]", or, orn, orx, lr, lrn, lrx, or/lr
    printf "%-22s %12d %12d %12d %12d %12d %12d %13.1fx\n", "VmHWM [KiB]", oh, ohn, ohx, lh, lhn, lhx, oh/lh
  }'
} | tee "$output"
echo "results written to $output" >&2
