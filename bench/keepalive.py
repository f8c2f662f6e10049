# Shared by the benchmarks' Python probes (copied beside them into the work area): libvirt's keepalive PING and
# its PONG, one ping on a fresh connection, and stopping a child.
import socket, subprocess, sys

PING = bytes.fromhex("0000001c" "6b656570" "00000001" "00000001" "00000002" "00000000" "00000000")
PONG = bytes.fromhex("0000001c" "6b656570" "00000001" "00000002" "00000002" "00000000" "00000000")

def fail(msg):
    print("error " + msg, flush=True)
    sys.exit(1)

def read_exact(s, n):
    got = b""
    while len(got) < n:
        chunk = s.recv(n - len(got))
        if not chunk:
            fail("connection closed after %d of %d bytes (%s)" % (len(got), n, got.hex()))
        got += chunk
    return got

def ping(sock_path):
    """True when a PING on a new connection was answered by PONG; False when nobody listens yet."""
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        try:
            s.connect(sock_path)
        except (FileNotFoundError, ConnectionRefusedError):
            return False
        s.settimeout(30)
        s.sendall(PING)
        got = read_exact(s, len(PONG))
        if got != PONG:
            fail("unexpected answer to PING: " + got.hex())
        return True
    finally:
        s.close()

def stop(p):
    """SIGTERM to a child still running, SIGKILL after 30 s; reaped either way."""
    if p.poll() is None:
        p.terminate()
        try:
            p.wait(30)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
