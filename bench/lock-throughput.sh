#!/usr/bin/env bash
# Lock-protocol benchmark: our virtlockd against libvirt's, both running at the same time, driven
# alternately by one load generator (bench/LockBench.java, JDK only; in cycles mode its client threads are
# by default a C worker, bench/lockcycles.c, built here with gcc: libvirt's real client is C).
#
# Both daemons run in the foreground as nobody (uid 65534) in their own sandbox under a temporary directory
# (XDG_RUNTIME_DIR, XDG_CONFIG_HOME, XDG_CACHE_HOME; lockspace directory in data/). The lock owner that the
# generator registers is a sleeping child process started here as nobody: a live pid that is neither the
# client nor a holder connection, so disconnecting never triggers the holder rule. Everything started here
# is stopped by pid at the end, also on failure.
#
# Usage: bench/lock-throughput.sh [-t 1,2,4,8] [-s SECONDS | -c CYCLES] [-R ROUNDS] [-w WARMUP_SECONDS] [-r RESOURCES]
#                                 [-H HELD] [-m cycles,held] [-o RESULT_FILE] [-T DIR] [-d ours,libvirt] [-g c|java] (run as root)
set -euo pipefail

here="$(cd -- "$(dirname -- "$0")" && pwd -P)"
threads=1,2,4,8
seconds=2.5
rounds=4
cycles=0
warmup=6
resources=1
held=15000
modes=cycles,held
daemons=ours,libvirt
generator=c
output="$here/results/lock-throughput.txt"
ours="$(readlink -f -- "${VIRTLOCKD_OURS:-$here/../launcher/target/virtlockd/bin/virtlockd}")"
theirs="${VIRTLOCKD_LIBVIRT:-/usr/sbin/virtlockd}"
bench_uid=65534
# Sandboxes on tmpfs by default: XDG_RUNTIME_DIR is tmpfs on real hosts, and on this machine's ext4 a file
# creation costs 0.4 to 4 ms, which would measure the disk instead of the daemons.
base=/tmp
[[ -d /dev/shm && -w /dev/shm ]] && base=/dev/shm
bench_gid=65534

usage() {
  cat >&2 <<EOF
usage: $0 [options]                                  (run as root; drops to uid $bench_uid)
  -t LIST     concurrent clients per level (default $threads)
  -s SECONDS  measuring time per daemon, level and round (default $seconds)
  -c CYCLES   measure a fixed number of cycles per daemon, level and round instead of a time
  -R ROUNDS   rounds per level; the daemons alternate, order flipping every round (default $rounds)
  -w SECONDS  warm-up per daemon, split over the levels of -t, not reported (default $warmup)
  -r N        resources per cycle, one ACQUIRE/RELEASE each (default $resources)
  -H N        resources for the held-resources mode (default $held; the open-file limit is 20,000)
  -m MODES    cycles, held or cycles,held (default $modes)
  -o FILE     result file (default bench/results/lock-throughput.txt)
  -T DIR      where the sandboxes go (default $base)
  -d LIST     daemons to measure: ours,libvirt (default), ours or libvirt
  -g CLIENT   cycles-mode load generator: c (default; bench/lockcycles.c built with gcc) or java (LockBench's threads)
EOF
  exit 2
}
die() { echo "$0: error: $*" >&2; exit 1; }

while getopts "t:s:c:R:w:r:H:m:o:T:d:g:h" opt; do
  case "$opt" in
    t) threads="$OPTARG" ;;
    s) seconds="$OPTARG" ;;
    c) cycles="$OPTARG" ;;
    R) rounds="$OPTARG" ;;
    w) warmup="$OPTARG" ;;
    r) resources="$OPTARG" ;;
    H) held="$OPTARG" ;;
    m) modes="$OPTARG" ;;
    o) output="$OPTARG" ;;
    T) base="$OPTARG" ;;
    d) daemons="$OPTARG" ;;
    g) generator="$OPTARG" ;;
    *) usage ;;
  esac
done
[[ "$threads" =~ ^[1-9][0-9]*(,[1-9][0-9]*)*$ ]] || die "-t wants a list like 1,2,4,8, got '$threads'"
[[ "$seconds" =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "-s wants seconds, got '$seconds'"
[[ "$cycles" =~ ^[0-9]+$ ]] || die "-c wants a number of cycles, got '$cycles'"
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || die "-R wants a positive number, got '$rounds'"
[[ "$warmup" =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "-w wants seconds, got '$warmup'"
[[ "$resources" =~ ^[1-9][0-9]*$ ]] || die "-r wants a positive number, got '$resources'"
[[ "$held" =~ ^[1-9][0-9]*$ ]] || die "-H wants a positive number, got '$held'"
(( held <= 19000 )) || die "-H $held: the daemon holds one descriptor per resource and the open-file limit is $(ulimit -Hn)"
[[ -d "$base" ]] || die "-T $base: no such directory"
[[ "$daemons" =~ ^(ours|libvirt)(,(ours|libvirt))?$ && "$daemons" != ours,ours && "$daemons" != libvirt,libvirt ]] ||
  die "-d wants ours,libvirt, ours or libvirt, got '$daemons'"
[[ "$modes" =~ ^(cycles|held)(,(cycles|held))?$ ]] || die "-m wants cycles, held or cycles,held, got '$modes'"
[[ "$generator" == c || "$generator" == java ]] || die "-g wants c or java, got '$generator'"

# --- tools -----------------------------------------------------------------------------------------
[[ "$(id -u)" == 0 ]] || die "run as root (the daemons and the client drop to uid $bench_uid themselves)"
for tool in setpriv env mktemp chown getconf sleep tee tail head getent readlink stat; do
  command -v "$tool" >/dev/null 2>&1 || die "missing tool: $tool"
done
java_bin="$(PATH=/usr/bin:/bin command -v java || true)"
[[ -n "$java_bin" ]] || die "missing tool: java in /usr/bin or /bin (JDK 17, Debian package openjdk-17-jdk-headless)"
"$java_bin" -version 2>&1 | grep -q 'version "\(1[7-9]\|[2-9][0-9]\)' || die "java is not JDK 17 or later: $("$java_bin" -version 2>&1 | head -1)"
[[ ",$daemons," != *,libvirt,* || -x "$theirs" ]] || die "missing tool: $theirs (Debian package libvirt-daemon)"
[[ ",$daemons," != *,ours,* || -x "$ours" ]] || die "missing tool: $ours (build the distribution: mvn package -pl launcher)"
[[ -r "$here/LockBench.java" ]] || die "missing $here/LockBench.java"
if [[ "$generator" == c ]]; then
  command -v gcc >/dev/null 2>&1 || die "missing tool: gcc (Debian package gcc), needed for the C load generator; or use -g java"
  [[ -r "$here/lockcycles.c" ]] || die "missing $here/lockcycles.c"
fi
getent passwd "$bench_uid" >/dev/null || die "no user with uid $bench_uid"
clk_tck="$(getconf CLK_TCK)"

# --- work area and clean-up ------------------------------------------------------------------------
work="$(mktemp -d "$base/virtlockd-lockbench.XXXXXX")"
chmod 755 "$work"
pids=()
stop_pid() {
  local pid="$1" i
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  echo "pid $pid ignored SIGTERM for 10 s, sending SIGKILL" >&2
  kill -KILL "$pid" 2>/dev/null || true
}
forget() {  # forget PID: it has been stopped and reaped, its number may be reused
  local keep=() p
  for p in "${pids[@]}"; do [[ "$p" == "$1" ]] || keep+=("$p"); done
  pids=("${keep[@]}")
}
cleanup() {
  local pid
  for pid in ${pids[@]+"${pids[@]}"}; do stop_pid "$pid"; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

c_client=()
if [[ "$generator" == c ]]; then
  gcc -O2 -Wall -pthread -o "$work/lockcycles" "$here/lockcycles.c" || die "cannot build $here/lockcycles.c"
  chmod 755 "$work/lockcycles"
  c_client=(--c-client "$work/lockcycles")
fi

# nobody HOME: sets the array NOBODY to the command prefix that runs a program as nobody in the clean
# environment of TESTING.md. Used as a simple command ("${NOBODY[@]}" prog &), so that setpriv and env exec
# the program and $! is its pid.
nobody() {
  local home="$1"
  NOBODY=(setpriv --reuid="$bench_uid" --regid="$bench_gid" --clear-groups
    env -i PATH=/usr/bin:/bin HOME="$home" XDG_RUNTIME_DIR="$home/run" XDG_CONFIG_HOME="$home/cfg" XDG_CACHE_HOME="$home/cache"
    ${VIRTLOCKD_JAVA_OPTS:+VIRTLOCKD_JAVA_OPTS="$VIRTLOCKD_JAVA_OPTS"})
}

# start_daemon KIND BINARY SANDBOX: daemon pid in daemon_pid
start_daemon() {
  local kind="$1" bin="$2" sb="$3" i
  mkdir -p "$sb/run" "$sb/cfg" "$sb/cache" "$sb/data"
  : >"$sb/virtlockd.conf"
  chmod 644 "$sb/virtlockd.conf"
  chown "$bench_uid:$bench_gid" "$sb" "$sb/run" "$sb/cfg" "$sb/cache" "$sb/data"
  nobody "$sb"
  "${NOBODY[@]}" "$bin" -f "$sb/virtlockd.conf" </dev/null >"$sb/daemon.log" 2>&1 &
  daemon_pid=$!
  pids+=("$daemon_pid")
  for i in $(seq 600); do
    kill -0 "$daemon_pid" 2>/dev/null || { cat "$sb/daemon.log" >&2; die "$kind daemon exited before listening"; }
    if [[ -S "$sb/run/libvirt/virtlockd-sock" && -s "$sb/run/libvirt/virtlockd.pid" ]]; then
      [[ "$(cat "$sb/run/libvirt/virtlockd.pid")" == "$daemon_pid" ]] ||
        die "$kind daemon: pid file says $(cat "$sb/run/libvirt/virtlockd.pid"), started pid is $daemon_pid"
      return 0
    fi
    sleep 0.1
  done
  cat "$sb/daemon.log" >&2
  die "$kind daemon did not create its lock socket and pid file within 60 s"
}

# The lock owner: a live process that is not the client (see the header).
nobody "$work"
"${NOBODY[@]}" sleep 100000 </dev/null >/dev/null 2>&1 &
owner_pid=$!
pids+=("$owner_pid")

mkdir -p "$(dirname -- "$output")"
{
  echo "# lock-throughput.sh $(date -u '+%Y-%m-%d %H:%M:%S UTC'); host: $(nproc) cores, $(uname -sr), open files $(ulimit -n), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# sandboxes in $work ($(stat -f -c %T "$work")); ours: $ours; libvirt: $("$theirs" -V 2>&1 | head -1)"
  echo "# lock owner: pid $owner_pid (sleep, uid $bench_uid); each mode runs against freshly started daemons"
} | tee "$output"

# show_new FILE: appends what the generator wrote since the last call to the results and to stdout
show_new() {
  local size
  size="$(stat -c %s "$1")"
  (( size > shown )) || return 0
  tail -c +$((shown + 1)) "$1" | head -c $((size - shown)) | tee -a "$output"
  shown="$size"
}

# run_mode MODE: starts the daemons in fresh sandboxes, runs the generator, stops the daemons.
# Sets status to the generator's exit status when that is not 0.
run_mode() {
  local mode="$1" kind bin pid rc targets=() started=() client_pid
  for kind in ${daemons//,/ }; do
    if [[ "$kind" == ours ]]; then bin="$ours"; else bin="$theirs"; fi
    start_daemon "$kind" "$bin" "$work/$mode/$kind"
    started+=("$kind:$daemon_pid")
    # The targets in the order given: the first is the numerator of every ratio.
    targets+=(--target "$kind=$work/$mode/$kind/run/libvirt/virtlockd-sock,$daemon_pid,$work/$mode/$kind/data/lockspace")
  done
  nobody "$work"
  "${NOBODY[@]}" "$java_bin" "$here/LockBench.java" "${targets[@]}" \
    --owner-pid "$owner_pid" --modes "$mode" --threads "$threads" --seconds "$seconds" --cycles "$cycles" --rounds "$rounds" \
    --warmup "$warmup" --resources "$resources" --held "$held" --clk-tck "$clk_tck" ${c_client[@]+"${c_client[@]}"} \
    </dev/null >"$work/$mode/client.out" 2>&1 &
  client_pid=$!
  pids+=("$client_pid")
  shown=0
  while kill -0 "$client_pid" 2>/dev/null; do
    sleep 1
    show_new "$work/$mode/client.out"
  done
  rc=0
  wait "$client_pid" || rc=$?
  forget "$client_pid"
  show_new "$work/$mode/client.out"
  (( rc == 0 )) || status="$rc"
  for kind in "${started[@]}"; do
    pid="${kind#*:}"
    kind="${kind%%:*}"
    stop_pid "$pid"
    rc=0
    wait "$pid" 2>/dev/null || rc=$?
    forget "$pid"
    grep -v '^$' "$work/$mode/$kind/daemon.log" | sed "s/^/# $kind daemon: /" | tail -n 20 | tee -a "$output" >&2 || true
    echo "# $kind daemon (pid $pid): stopped with SIGTERM, exit status $rc" | tee -a "$output" >&2
  done
}

status=0
for mode in ${modes//,/ }; do
  run_mode "$mode"
  [[ "$status" == 0 || "$status" == 3 ]] || break
done
echo "results written to $output" >&2
case "$status" in
  0) ;;
  3) echo "$0: at least one daemon does not answer the lock program (see UNAVAILABLE above); its figures are missing" >&2 ;;
  *) echo "$0: the load generator failed (status $status)" >&2 ;;
esac
exit "$status"
