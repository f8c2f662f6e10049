package org.virtlockd.itests.admin;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

import org.virtlockd.itests.harness.WireClient;
import org.virtlockd.protocol.AdminProtocol;
import org.virtlockd.protocol.Frames;
import org.virtlockd.protocol.Header;
import org.virtlockd.protocol.XdrWriter;

/**
 * Raw frames to one daemon's sockets for a scenario of {@link AdminProgramDiffTest}, and the transcript of
 * what came back. Replies are kept byte for byte except the connect times in client records (procedures 8
 * and 9), which are zeroed, and the log directory, whose name differs from the other daemon's in one letter.
 */
final class AdminWire implements AutoCloseable {

    static final Duration REPLY_WAIT = Duration.ofSeconds(5);
    static final Duration QUIET = Duration.ofMillis(300);
    /** Fences: a CALL of a program nobody serves, with serials far from the scenario's. */
    static final int FENCE_PROGRAM = 0x7e7e7e7e;
    static final int FENCE_SERIAL = 0x7e7e0000;

    final AdminWorld.Side side;
    private final List<String> transcript = new ArrayList<>();
    private final List<Conn> conns = new ArrayList<>();

    AdminWire(AdminWorld.Side side) {
        this.side = side;
    }

    /** A new connection to the admin socket as the test user. */
    Conn admin(String name) throws Exception {
        return open(name, WireClient.connect(side.adminSocket()), AdminProtocol.PROGRAM);
    }

    /** A new connection to the lock socket as the test user (lock frames are built by the scenario). */
    Conn lock(String name) throws Exception {
        return open(name, WireClient.connect(side.sandbox().lockSocket()), 0x0EA7BEEF);
    }

    private Conn open(String name, WireClient client, int program) {
        Conn c = new Conn(name, client, program);
        conns.add(c);
        return c;
    }

    String logDir() {
        return side.logDir().toString();
    }

    String normalise(byte[] frame) {
        if (frame == null) {
            return "nothing";
        }
        byte[] copy = frame.clone();
        ByteBuffer b = ByteBuffer.wrap(copy);
        if (copy.length >= 28 && b.getInt(4) == AdminProtocol.PROGRAM && b.getInt(24) == 0) {
            b.position(28);
            if (b.getInt(12) == 4) {
                sortServers(b);
            } else if (b.getInt(12) == 8) {
                int n = b.getInt();
                for (int i = 0; i < n; i++) {
                    zeroTimestamp(b);
                }
            } else if (b.getInt(12) == 9) {
                zeroTimestamp(b);
            }
        }
        String hex = HexFormat.of().formatHex(copy);
        return hex.replace(HexFormat.of().formatHex(logDir().getBytes(StandardCharsets.UTF_8)), "<logdir>");
    }

    /** libvirt lists its servers in a hash table's order, seeded at random per daemon: sorted here. */
    private static void sortServers(ByteBuffer b) {
        int start = b.position();
        int n = b.getInt();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] name = new byte[b.getInt()];
            b.get(name);
            b.position(b.position() + ((4 - name.length % 4) % 4));
            names.add(new String(name, StandardCharsets.UTF_8));
        }
        names.sort(null);
        b.position(start + 4);
        for (String name : names) {
            byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
            b.putInt(bytes.length).put(bytes).put(new byte[(4 - bytes.length % 4) % 4]);
        }
    }

    /** @return the client ids in a LIST_CLIENTS reply as {@link #normalise} shows it */
    static List<Long> clientIds(String replyHex) {
        ByteBuffer b = ByteBuffer.wrap(HexFormat.of().parseHex(replyHex));
        b.position(28);
        int n = b.getInt();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int len = b.getInt();
            b.position(b.position() + ((len + 3) & ~3));
            ids.add(b.getLong());
            b.getLong();
            b.getInt();
        }
        return ids;
    }

    /** Skips a client's server name and id, zeroes its timestamp, skips its transport. */
    private static void zeroTimestamp(ByteBuffer b) {
        int len = b.getInt();
        b.position(b.position() + ((len + 3) & ~3) + 8);
        b.putLong(0);
        b.getInt();
    }

    void note(String line) {
        transcript.add("# " + line);
    }

    List<String> transcript() {
        return transcript;
    }

    @Override
    public void close() throws Exception {
        for (Conn c : conns) {
            c.client.close();
        }
    }

    /** One connection: calls with serials 0, 1, 2... */
    final class Conn {
        final String name;
        final WireClient client;
        final int program;
        private int serial;
        private int fences;

        Conn(String name, WireClient client, int program) {
            this.name = name;
            this.client = client;
            this.program = program;
        }

        /** A CALL of this connection's program; records and returns its one reply. */
        String call(int proc, Consumer<XdrWriter> args) throws Exception {
            return send(Frames.encode(Header.call(program, 1, proc, serial++), args), "call " + proc);
        }

        /** Any frame; records and returns the one frame that answers it. */
        String send(byte[] frame, String label) throws Exception {
            transcript.add(name + " → " + label + " " + HexFormat.of().formatHex(frame).replace(
                    HexFormat.of().formatHex(logDir().getBytes(StandardCharsets.UTF_8)), "<logdir>"));
            client.send(frame);
            String reply = normalise(client.readFrame(REPLY_WAIT));
            transcript.add(name + " ← " + reply);
            return reply;
        }

        /** A frame that must get no answer: then a fence, whose reply must be the next frame. */
        void silent(byte[] frame, String label) throws Exception {
            transcript.add(name + " → " + label + " (no answer expected) " + HexFormat.of().formatHex(frame));
            client.send(frame);
            int s = FENCE_SERIAL + fences++;
            send(Frames.encode(Header.call(FENCE_PROGRAM, 1, 0, s), w -> { }), "fence");
        }

        /** Records whether the daemon closed this connection (after what it sent, if anything). */
        void closed() throws Exception {
            String drained = client.drain(QUIET);
            transcript.add(name + " ← " + (drained.endsWith(WireClient.EOF) ? drained.replace(WireClient.EOF, "") + " <closed>"
                    : drained + " <open>"));
        }
    }
}
