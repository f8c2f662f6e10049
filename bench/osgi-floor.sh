#!/usr/bin/env bash
# The floor under our start-up and re-exec times: how long the JVM, Felix and Felix SCR alone take, on this machine,
# from exec to the first answer on a UNIX socket, with none of the daemon's own work. Three programs that only
# bind the socket and answer a keepalive PING (bench/floor/):
#   plain      a main method                                                     (the JVM alone)
#   felix      Felix 7 on a reused bundle cache, one bundle whose activator binds (the framework)
#   felix-scr  the same with Felix SCR and its dependencies, one DS component      (what our daemon is built on)
# Felix, SCR and its dependencies are the distribution's own jars. Each program runs with the daemon's JVM flags
# and an application class-data archive recorded by a training run (JDK 17-23: a dynamic CDS archive; JDK 24+:
# an AOT cache), once with the daemon's full tiered compilation and once C1-only. Same probe as startup.sh,
# as nobody, every process stopped by pid. Compare with issue 5's re-exec target (median <= 300 ms): a re-exec
# pays all of this plus the old image's freeze and save.
#
# Usage: bench/osgi-floor.sh [-n RUNS (default 10)] [-j JAVA (default: java on /usr/bin:/bin)] [-o RESULT_FILE] [-T DIR]
#        (run as root)
set -euo pipefail

here="$(cd -- "$(dirname -- "$0")" && pwd -P)"
runs=10
output="$here/results/osgi-floor.txt"
dist="$(readlink -f -- "$here/../launcher/target/virtlockd")"
ours="$dist/bin/virtlockd"
theirs=""
java="$(PATH=/usr/bin:/bin command -v java || true)"
bench_uid=65534
bench_gid=65534
base=/tmp
[[ -d /dev/shm && -w /dev/shm ]] && base=/dev/shm
flags="-XX:+UseSerialGC -Xmn8m -Xss512k -XX:-UsePerfData"

usage() {
  echo "usage: $0 [-n RUNS (default 10)] [-j JAVA] [-o RESULT_FILE (default bench/results/osgi-floor.txt)] [-T DIR]" >&2
  exit 2
}
. "$here/common.sh"

while getopts "n:j:o:T:h" opt; do
  case "$opt" in
    n) runs="$OPTARG" ;;
    j) java="$OPTARG" ;;
    o) output="$OPTARG" ;;
    T) base="$OPTARG" ;;
    *) usage ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "runs must be a positive integer, got '$runs'"
[[ -d "$base" ]] || die "-T $base: no such directory"
[[ -n "$java" && -x "$java" ]] || die "missing tool: java (Debian package openjdk-17-jdk-headless, or -j JAVA)"
javac="$(dirname -- "$(readlink -f -- "$java")")/javac"
jar="$(dirname -- "$(readlink -f -- "$java")")/jar"
[[ -x "$javac" && -x "$jar" ]] || die "missing tool: javac and jar beside $java (a JDK, not a JRE)"
require_tools setpriv env mktemp chown awk sort getent cut readlink
felix="$(ls "$dist"/lib/org.apache.felix.framework-*.jar)"
scr_bundles=()
for b in org.osgi.util.function org.osgi.util.promise org.osgi.service.component org.apache.felix.scr; do
  scr_bundles+=("$(ls "$dist"/bundles/"$b"-*.jar)") || die "missing bundle $b in $dist/bundles"
done
major="$("$java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ { print $2 }')"
if (( major >= 24 )); then
  archive_kind="AOT cache"; record="-XX:AOTCacheOutput="; use="-XX:AOTCache="
else
  archive_kind="dynamic CDS archive"; record="-XX:ArchiveClassesAtExit="; use="-XX:SharedArchiveFile="
fi

make_work "$base" osgi-floor
cp "$here/startup_probe.py" "$work/probe.py"
cp "$here/keepalive.py" "$work/keepalive.py"

# --- the three programs ---------------------------------------------------------------------------------
mkdir -p "$work/classes" "$work/launch" "$work/ds/OSGI-INF" "$work/act"
"$javac" --release 17 -d "$work/classes" "$here/floor/FloorServer.java"
"$javac" --release 17 -cp "$felix" -d "$work/launch" "$here/floor/FloorLaunch.java"
"$javac" --release 17 -cp "$felix:$work/classes" -d "$work/act" "$here/floor/FloorActivator.java"
cp -r "$work/classes/floor" "$work/ds/"
cp "$work/classes/floor/"*.class "$work/act/floor/"
cat >"$work/ds/OSGI-INF/floor.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="floor" immediate="true" activate="activate">
  <implementation class="floor.FloorServer"/>
</scr:component>
XML
printf 'Bundle-ManifestVersion: 2\nBundle-SymbolicName: floor.ds\nBundle-Version: 1.0.0\nService-Component: OSGI-INF/floor.xml\n' >"$work/ds.mf"
printf 'Bundle-ManifestVersion: 2\nBundle-SymbolicName: floor.activator\nBundle-Version: 1.0.0\nBundle-Activator: floor.FloorActivator\nImport-Package: org.osgi.framework\n' >"$work/act.mf"
"$jar" cfm "$work/floor-ds.jar" "$work/ds.mf" -C "$work/ds" .
"$jar" cfm "$work/floor-activator.jar" "$work/act.mf" -C "$work/act" .
# class-data archives take jars only, no directories, on the class path
"$jar" cf "$work/plain.jar" -C "$work/classes" .
"$jar" cf "$work/launch.jar" -C "$work/launch" .
chmod -R a+rX "$work"
mkdir -p "$work/sb"
chown "$bench_uid:$bench_gid" "$work/sb"

# command VARIANT: the program's command line, after the JVM and its flags
command_of() {
  case "$1" in
    plain) echo "-cp $work/plain.jar floor.FloorServer" ;;
    felix) echo "-cp $felix:$work/launch.jar floor.FloorLaunch $work/sb/cache-felix $work/floor-activator.jar" ;;
    felix-scr) echo "-cp $felix:$work/launch.jar floor.FloorLaunch $work/sb/cache-scr ${scr_bundles[*]} $work/floor-ds.jar" ;;
  esac
}

as_nobody() {
  setpriv --reuid="$bench_uid" --regid="$bench_gid" --clear-groups env -i PATH=/usr/bin:/bin HOME="$work/sb" "$@"
}

# run_once VARIANT JVM_OPTIONS: prints startup_us
run_once() {
  local line
  # shellcheck disable=SC2086
  line="$(as_nobody /usr/bin/python3 "$work/probe.py" "$work/sb/floor.sock" 0 "$work/sb/run.log" "$work/sb/daemon.pid" \
      "$java" $flags $2 -Dfloor.sock="$work/sb/floor.sock" $(command_of "$1"))" || true
  case "$line" in
    ok\ *) ;;
    *) echo "$1 failed: ${line:-probe failed}" >&2; cat "$work/sb/run.log" >&2 || true; exit 1 ;;
  esac
  sed -e 's/.*startup_us=\([0-9]*\).*/\1/' <<<"$line"
}

mkdir -p "$(dirname -- "$output")"
{
  echo "# osgi-floor: exec to first PONG, $runs runs each; $("$java" -version 2>&1 | head -1); $(nproc) cores"
  echo "# JVM flags: $flags, application class data: $archive_kind"
} | tee "$output"
for variant in plain felix felix-scr; do
  # a first run fills the bundle cache, a training run records the class data, then the timed runs
  run_once "$variant" "" >/dev/null
  # shellcheck disable=SC2086
  as_nobody "$java" $flags "$record$work/sb/$variant.jsa" -Dfloor.exitAfter=2000 -Dfloor.sock="$work/sb/floor.sock" \
      $(command_of "$variant") >"$work/sb/train.log" 2>&1 || { cat "$work/sb/train.log" >&2; die "training run of $variant failed"; }
  [[ -s "$work/sb/$variant.jsa" ]] || { cat "$work/sb/train.log" >&2; die "the training run of $variant left no archive"; }
  for jit in tiered c1; do
    opts="$use$work/sb/$variant.jsa -Xlog:cds=off -Xlog:cds+dynamic=off"
    [[ "$jit" == c1 ]] && opts="$opts -XX:TieredStopAtLevel=1"
    : >"$work/$variant-$jit.dat"
    for n in $(seq "$runs"); do
      run_once "$variant" "$opts" >>"$work/$variant-$jit.dat"
    done
    read -r med min max <<<"$(stats "$work/$variant-$jit.dat" 1)"
    printf '%-10s %-7s median %6.1f ms   min %6.1f ms   max %6.1f ms\n' "$variant" "$jit" \
        "$(awk "BEGIN { print $med / 1000 }")" "$(awk "BEGIN { print $min / 1000 }")" "$(awk "BEGIN { print $max / 1000 }")" \
        | tee -a "$output"
  done
done
echo "issue 5's re-exec target: median <= 300 ms (a re-exec also pays the old image's freeze, save and exec)" | tee -a "$output"
