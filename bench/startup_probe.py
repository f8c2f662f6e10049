# Start-up probe of bench/startup.sh and bench/osgi-floor.sh (keepalive.py beside it): runs as the bench user,
# execs the command itself (so its own interpreter start-up is not timed), polls the socket with a keepalive PING
# every 0.5 ms until the PONG comes back, waits IDLE seconds, prints "ok pid=.. startup_us=.. rss_kb=.. hwm_kb=..",
# and stops the command.
# Usage: startup_probe.py SOCKET IDLE_SECONDS LOG_FILE PID_FILE COMMAND...
import os, subprocess, sys, time
from keepalive import fail, ping, stop

sock_path, idle, log_path, pid_path = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4]
cmd = sys.argv[5:]
TIMEOUT_NS = 60 * 10**9

with open(log_path, "wb") as log:
    t0 = time.monotonic_ns()
    p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
    with open(pid_path, "w") as f:
        f.write(str(p.pid))
    try:
        while not ping(sock_path):
            if p.poll() is not None:
                fail("daemon exited with status %d before answering" % p.returncode)
            if time.monotonic_ns() - t0 > TIMEOUT_NS:
                fail("daemon did not answer within 60 s")
            time.sleep(0.0005)
        t1 = time.monotonic_ns()
        time.sleep(idle)
        mem = {}
        with open("/proc/%d/status" % p.pid) as f:
            for line in f:
                k, _, v = line.partition(":")
                if k in ("VmRSS", "VmHWM"):
                    mem[k] = int(v.split()[0])
        print("ok pid=%d startup_us=%d rss_kb=%d hwm_kb=%d" % (p.pid, (t1 - t0) // 1000, mem["VmRSS"], mem["VmHWM"]), flush=True)
    finally:
        stop(p)
        os.unlink(pid_path)  # reaped: the number may be reused, the EXIT trap must not signal it
