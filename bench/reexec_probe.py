# Re-exec probe for bench/reexec.sh, run as the daemon's user. Starts the daemon through a symlink (its
# argv[0], which a re-exec runs again), takes locks on a holder connection for a live owner process, then
# re-executes the daemon RESTARTS times with SIGUSR1. Each time it waits (inotify on the run directory) until
# the old image has written the state file, which it does only once it stopped serving, and from then on
# connects and sends a keepalive PING every 0.5 ms until a PONG comes back: the time from the signal to that
# PONG is the unavailability. After each re-exec it checks that the holder connection still answers, that
# every lock is still held (/proc/locks, by the daemon's pid) and counts the daemon's descriptors.
import ctypes, ctypes.util, os, select, signal, socket, struct, subprocess, sys, time
from keepalive import PING, PONG, fail, ping, read_exact, stop

link, run_dir, log_path, pid_path, restarts, conf = sys.argv[1:7]
restarts = int(restarts)
sock_path = os.path.join(run_dir, "libvirt", "virtlockd-sock")
state_name = b"virtlockd-restart-exec.json"
PROG = 0x0EA7BEEF
IN_CLOSE_WRITE, IN_MOVED_TO = 0x8, 0x80
LOCKS = 3

def xdr_string(b):
    return struct.pack(">I", len(b)) + b + b"\0" * ((4 - len(b) % 4) % 4)

def call(s, proc, serial, payload):
    body = struct.pack(">IIiiIi", PROG, 1, proc, 0, serial, 0) + payload
    s.sendall(struct.pack(">I", len(body) + 4) + body)
    n = struct.unpack(">I", read_exact(s, 4))[0]
    reply = read_exact(s, n - 4)
    status = struct.unpack(">i", reply[20:24])[0]
    if status != 0:
        fail("procedure %d failed: %s" % (proc, reply.hex()))

def cpu_ticks(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])

def daemon_locks(pid, files):
    """How many of the resource files the daemon holds a lock on (other locks of the daemon, such as the pid
    file or a configuration file being written, are not counted)."""
    inodes = {os.stat(f).st_ino for f in files}
    held = set()
    with open("/proc/locks") as f:
        for line in f:
            fields = line.split()
            if fields[1] == "->" or fields[4] != str(pid):
                continue
            inode = int(fields[5].rsplit(":", 1)[1])
            if inode in inodes:
                held.add(inode)
    return len(held)

libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
ino = libc.inotify_init1(os.O_CLOEXEC)
if ino < 0:
    fail("inotify_init1: errno %d" % ctypes.get_errno())

with open(log_path, "wb") as log:
    p = subprocess.Popen([link, "-f", conf], stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
    with open(pid_path, "w") as f:
        f.write(str(p.pid))
    owner = subprocess.Popen(["sleep", "3600"])
    try:
        t0 = time.monotonic()
        while not ping(sock_path):
            if p.poll() is not None or time.monotonic() - t0 > 60:
                fail("daemon did not start")
            time.sleep(0.001)
        libvirt_dir = os.path.join(run_dir, "libvirt")
        if libc.inotify_add_watch(ino, libvirt_dir.encode(), IN_CLOSE_WRITE | IN_MOVED_TO) < 0:
            fail("inotify_add_watch: errno %d" % ctypes.get_errno())
        holder = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        holder.connect(sock_path)
        holder.settimeout(30)
        reg = bytes(range(16)) + xdr_string(b"bench") + struct.pack(">II", 1, owner.pid) + struct.pack(">I", 0)
        call(holder, 1, 1, reg)
        space = os.path.join(run_dir, "space").encode()
        call(holder, 8, 2, xdr_string(space) + struct.pack(">I", 0))
        for i in range(LOCKS):
            call(holder, 6, 3 + i, xdr_string(space) + xdr_string(b"res%d" % i) + struct.pack(">I", 2))
        resources = [os.path.join(run_dir, "space", "res%d" % i) for i in range(LOCKS)]
        base_locks = daemon_locks(p.pid, resources)
        if base_locks != LOCKS:
            fail("the daemon holds %d of the %d resources" % (base_locks, LOCKS))
        for n in range(restarts):
            time.sleep(0.3)
            fds_before = len(os.listdir("/proc/%d/fd" % p.pid))
            while select.select([ino], [], [], 0)[0]:
                os.read(ino, 4096)  # events of earlier re-execs
            cpu0 = cpu_ticks(p.pid)
            t_sig = time.monotonic_ns()
            os.kill(p.pid, signal.SIGUSR1)
            saw = False
            while not saw:
                r, _, _ = select.select([ino], [], [], 30)
                if not r:
                    fail("no state file written within 30 s of SIGUSR1 %d" % (n + 1))
                buf = os.read(ino, 4096)
                off = 0
                while off < len(buf):
                    _, mask, _, ln = struct.unpack_from("iIII", buf, off)
                    name = buf[off + 16: off + 16 + ln].rstrip(b"\0")
                    off += 16 + ln
                    saw = saw or name == state_name
            while True:
                if p.poll() is not None:
                    fail("daemon exited with status %d during re-exec %d" % (p.returncode, n + 1))
                if ping(sock_path):
                    break
                if time.monotonic_ns() - t_sig > 60 * 10**9:
                    fail("no answer within 60 s of SIGUSR1 %d" % (n + 1))
                time.sleep(0.0005)
            t_ok = time.monotonic_ns()
            cpu_ms = (cpu_ticks(p.pid) - cpu0) * 1000 // os.sysconf("SC_CLK_TCK")
            holder.sendall(PING)
            if read_exact(holder, len(PONG)) != PONG:
                fail("holder connection lost in re-exec %d" % (n + 1))
            locks = daemon_locks(p.pid, resources)
            if locks != base_locks:
                fail("re-exec %d: the daemon holds %d locks, %d before" % (n + 1, locks, base_locks))
            time.sleep(0.2)
            fds_after = len(os.listdir("/proc/%d/fd" % p.pid))
            print("ok n=%d unavailable_us=%d cpu_ms=%d locks=%d fds_before=%d fds_after=%d"
                  % (n + 1, (t_ok - t_sig) // 1000, cpu_ms, locks, fds_before, fds_after), flush=True)
    finally:
        stop(p)
        owner.kill()
        owner.wait()
        os.unlink(pid_path)
