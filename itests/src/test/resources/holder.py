# A guest-like lock holder for the holder-rule test: connects to the lock socket, registers ITS OWN pid
# (so this connection is the holder connection of spec 2.4 B), acquires one resource exclusively, then
# closes the connection and lingers, ignoring SIGTERM like a guest that does not shut down.
# usage: holder.py SOCKET RESOURCE_PATH
import os, signal, socket, struct, sys, time

signal.signal(signal.SIGTERM, signal.SIG_IGN)
sock_path, resource = sys.argv[1], sys.argv[2]
PROGRAM, VERSION = 0x0EA7BEEF, 1

def xdr_string(s):
    b = s.encode()
    return struct.pack(">I", len(b)) + b + b"\0" * ((4 - len(b) % 4) % 4)

def call(s, proc, serial, payload):
    body = struct.pack(">IIiiIi", PROGRAM, VERSION, proc, 0, serial, 0) + payload
    s.sendall(struct.pack(">I", len(body) + 4) + body)
    head = s.recv(4, socket.MSG_WAITALL)
    rest = s.recv(struct.unpack(">I", head)[0] - 4, socket.MSG_WAITALL)
    status = struct.unpack(">i", rest[20:24])[0]
    if status != 0:
        sys.exit("call %d failed: %r" % (proc, rest))

s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.connect(sock_path)
owner = b"\x42" * 16 + xdr_string("holder-test") + struct.pack(">III", 7, os.getpid(), 0)
call(s, 1, 0, owner)                                          # REGISTER own pid
call(s, 6, 1, xdr_string("") + xdr_string(resource) + struct.pack(">I", 0))   # ACQUIRE, exclusive
print("held", flush=True)
s.close()
time.sleep(60)
