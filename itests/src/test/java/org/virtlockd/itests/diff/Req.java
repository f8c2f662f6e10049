package org.virtlockd.itests.diff;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import java.util.UUID;

import org.virtlockd.protocol.Header;

/**
 * One request as raw bytes: a frame built from six header words and a payload, or bytes sent as they are.
 * The serial is the connection's next one (0, 1, 2... as libvirt's client counts) unless fixed.
 */
final class Req {
    static final int LOCK = 0x0EA7BEEF;
    static final int KEEPALIVE = 0x6B656570;
    static final int CALL = 0;
    static final int REPLY = 1;
    static final int MESSAGE = 2;
    static final int STREAM = 3;
    static final int CALL_WITH_FDS = 4;
    static final int REPLY_WITH_FDS = 5;
    static final int STREAM_HOLE = 6;
    static final int REGISTER = 1;
    static final int RESTRICT = 2;
    static final int NEW = 3;
    static final int CREATE_RESOURCE = 4;
    static final int DELETE_RESOURCE = 5;
    static final int ACQUIRE = 6;
    static final int RELEASE = 7;
    static final int CREATE_LOCKSPACE = 8;

    static final UUID OWNER_UUID = UUID.fromString("11223344-5566-7788-99aa-bbccddeeff01");
    static final long OWNER_ID = 7;

    final int prog;
    final int vers;
    final int proc;
    final int type;
    final int status;
    final byte[] payload;
    final OptionalInt serial;
    final byte[] raw;

    private Req(int prog, int vers, int proc, int type, int status, byte[] payload, OptionalInt serial, byte[] raw) {
        this.prog = prog;
        this.vers = vers;
        this.proc = proc;
        this.type = type;
        this.status = status;
        this.payload = payload;
        this.serial = serial;
        this.raw = raw;
    }

    static Req lock(int proc, Xdr args) {
        return new Req(LOCK, 1, proc, CALL, 0, args.bytes(), OptionalInt.empty(), null);
    }

    static Req register(long pid) {
        return register(OWNER_ID, pid, 0);
    }

    static Req register(long id, long pid, int flags) {
        if (pid == ProcessHandle.current().pid()) {
            throw new IllegalArgumentException("never register the test JVM's pid: the holder rule would kill it");
        }
        return lock(REGISTER, Xdr.of().uuid(OWNER_UUID).string("vm").word(id).word(pid).word(flags));
    }

    static Req restrict(int flags) {
        return lock(RESTRICT, Xdr.of().word(flags));
    }

    static Req newLockspace(String path, int flags) {
        return lock(NEW, Xdr.of().string(path).word(flags));
    }

    static Req createLockspace(String path) {
        return lock(CREATE_LOCKSPACE, Xdr.of().string(path));
    }

    /** One of the four resource procedures. */
    static Req resource(int proc, String lockspace, String name, int flags) {
        return lock(proc, Xdr.of().string(lockspace).string(name).word(flags));
    }

    static Req keepalive(int proc) {
        return new Req(KEEPALIVE, 1, proc, MESSAGE, 0, new byte[0], OptionalInt.of(0), null);
    }

    static Req ping() {
        return keepalive(1);
    }

    /** Bytes sent exactly as given (malformed frames). */
    static Req raw(byte[] bytes) {
        return new Req(0, 0, 0, 0, 0, null, OptionalInt.of(0), bytes);
    }

    /** A frame whose length word is {@code length} followed by {@code rest} (which may be shorter or longer). */
    static Req rawLength(long length, byte[] rest) {
        return raw(ByteBuffer.allocate(4 + rest.length).putInt((int) length).put(rest).array());
    }

    Req prog(int value) {
        return new Req(value, vers, proc, type, status, payload, serial, raw);
    }

    Req vers(int value) {
        return new Req(prog, value, proc, type, status, payload, serial, raw);
    }

    Req proc(int value) {
        return new Req(prog, vers, value, type, status, payload, serial, raw);
    }

    Req type(int value) {
        return new Req(prog, vers, proc, value, status, payload, serial, raw);
    }

    Req status(int value) {
        return new Req(prog, vers, proc, type, value, payload, serial, raw);
    }

    Req serial(int value) {
        return new Req(prog, vers, proc, type, status, payload, OptionalInt.of(value), raw);
    }

    /** The same header with the payload replaced. */
    Req payload(byte[] value) {
        return new Req(prog, vers, proc, type, status, value, serial, raw);
    }

    /** Inserts the descriptor count word that a CALL_WITH_FDS carries before its arguments. */
    Req withFds(int count) {
        byte[] p = ByteBuffer.allocate(4 + payload.length).putInt(count).put(payload).array();
        return new Req(prog, vers, proc, CALL_WITH_FDS, status, p, serial, raw);
    }

    /** Whether the request takes a serial from the connection's counter. */
    boolean countsSerial() {
        return raw == null && serial.isEmpty();
    }

    /** The header the daemon sees, with {@code next} as serial unless fixed. */
    Header header(int next) {
        return new Header(prog, vers, proc, type, serial.orElse(next), status);
    }

    byte[] encode(int next) {
        if (raw != null) {
            return raw.clone();
        }
        return ByteBuffer.allocate(28 + payload.length).putInt(28 + payload.length).putInt(prog).putInt(vers)
                .putInt(proc).putInt(type).putInt(serial.orElse(next)).putInt(status).put(payload).array();
    }

    /** A short description for the transcript. */
    String label(int next) {
        if (raw != null) {
            String hex = WireHex.of(raw);
            return "raw " + (hex.length() > 64 ? hex.substring(0, 64) + "...(" + raw.length + " bytes)" : hex);
        }
        return String.format("prog=%08x vers=%d proc=%d type=%d serial=%d status=%d args=%d bytes",
                prog, Integer.toUnsignedLong(vers), proc, type, Integer.toUnsignedLong(serial.orElse(next)),
                Integer.toUnsignedLong(status), payload.length);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
