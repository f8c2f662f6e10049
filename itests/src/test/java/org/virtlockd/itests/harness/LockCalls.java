package org.virtlockd.itests.harness;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.newsclub.net.unix.AFUNIXSocket;

/**
 * Lock-program calls built byte by byte (spec 2.1, 2.2), independent of the modules under test, on one
 * connection made as the test user. Every call answers {@code "ok"} or {@code "error CODE MESSAGE"}.
 *
 * <pre>
 * header (28 bytes): length | program 0x0EA7BEEF | version 1 | procedure | type 0 (CALL) | serial | status 0
 * REGISTER (1)          uuid[16] | name:str | id:u32 | pid:u32 | flags:u32
 * ACQUIRE_RESOURCE (6)  path:str | name:str | flags:u32       (SHARED = 1, AUTOCREATE = 2)
 * RELEASE_RESOURCE (7)  path:str | name:str | flags:u32
 * CREATE_LOCKSPACE (8)  path:str
 * reply: header with type 1 (REPLY), status 0 (OK, empty body) or 1 (ERROR: code | domain | message?...)
 * </pre>
 */
public final class LockCalls implements AutoCloseable {

    public static final int PROGRAM = 0x0EA7BEEF;
    public static final int VERSION = 1;
    public static final int SHARED = 1;
    public static final int AUTOCREATE = 2;
    private static final int REGISTER = 1;
    private static final int ACQUIRE = 6;
    private static final int RELEASE = 7;
    private static final int CREATE_LOCKSPACE = 8;
    private static final int HEADER = 28;
    private static final int TYPE_REPLY = 1;
    private static final int STATUS_ERROR = 1;
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(30);
    /** Keepalive program 0x6B656570, version 1: PING (1) and PONG (2), type MESSAGE (2), serial 0. */
    public static final byte[] KEEPALIVE_PING = keepalive(1);
    public static final byte[] KEEPALIVE_PONG = keepalive(2);

    private final WireClient wire;
    private int serial;

    private LockCalls(WireClient wire) {
        this.wire = wire;
    }

    public static LockCalls connect(Path socket) throws Exception {
        // junixsocket extracts and loads its native library on first use, which fails on the test user's
        // thread (uid 65534): load it here, as root, first.
        if (!AFUNIXSocket.isSupported()) {
            throw new AssertionError("junixsocket's native library does not load on this machine");
        }
        return new LockCalls(WireClient.connect(socket));
    }

    /** Registers owner {@code name}/{@code id} with {@code pid}: the pid the daemon records for locks. */
    public String register(String name, int id, long pid) throws IOException {
        byte[] uuid = new byte[16];
        uuid[15] = (byte) id;
        return call(REGISTER, ByteBuffer.allocate(uuid.length).put(uuid), str(name), u32(id), u32((int) pid), u32(0));
    }

    public String createLockspace(String path) throws IOException {
        return call(CREATE_LOCKSPACE, str(path));
    }

    public String acquire(String lockspace, String name, int flags) throws IOException {
        return call(ACQUIRE, str(lockspace), str(name), u32(flags));
    }

    public String release(String lockspace, String name) throws IOException {
        return call(RELEASE, str(lockspace), str(name), u32(0));
    }

    /** A keepalive PING on this connection: true when the PONG came back. */
    public boolean ping(Duration timeout) throws IOException {
        wire.send(KEEPALIVE_PING);
        byte[] reply = wire.readFrame(timeout);
        return reply != null && java.util.Arrays.equals(reply, KEEPALIVE_PONG);
    }

    private String call(int procedure, ByteBuffer... parts) throws IOException {
        int length = HEADER;
        for (ByteBuffer p : parts) {
            length += p.flip().remaining();
        }
        int mySerial = serial++;
        ByteBuffer frame = ByteBuffer.allocate(length).putInt(length).putInt(PROGRAM).putInt(VERSION).putInt(procedure)
                .putInt(0).putInt(mySerial).putInt(0);
        for (ByteBuffer p : parts) {
            frame.put(p);
        }
        wire.send(frame.array());
        byte[] reply = wire.readFrame(REPLY_TIMEOUT);
        if (reply == null) {
            throw new AssertionError("no reply to procedure " + procedure + " (connection closed or timed out)");
        }
        ByteBuffer r = ByteBuffer.wrap(reply);
        int prog = r.getInt(4);
        int proc = r.getInt(12);
        if (prog != PROGRAM || proc != procedure || r.getInt(16) != TYPE_REPLY || r.getInt(20) != mySerial) {
            throw new AssertionError("not the reply to procedure " + procedure + ": " + WireClient.hex(reply));
        }
        if (r.getInt(24) != STATUS_ERROR) {
            return "ok";
        }
        r.position(HEADER);
        int code = r.getInt();
        r.getInt();
        String message = r.getInt() == 0 ? "" : readString(r);
        return "error " + code + " " + message;
    }

    private static byte[] keepalive(int procedure) {
        return ByteBuffer.allocate(HEADER).putInt(HEADER).putInt(0x6B656570).putInt(1).putInt(procedure).putInt(2).putInt(0)
                .putInt(0).array();
    }

    private static String readString(ByteBuffer r) {
        byte[] b = new byte[r.getInt()];
        r.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static ByteBuffer str(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int padded = (b.length + 3) & ~3;
        return ByteBuffer.allocate(4 + padded).putInt(b.length).put(b).position(4 + padded);
    }

    private static ByteBuffer u32(int v) {
        return ByteBuffer.allocate(4).putInt(v);
    }

    @Override
    public void close() throws IOException {
        wire.close();
    }
}
