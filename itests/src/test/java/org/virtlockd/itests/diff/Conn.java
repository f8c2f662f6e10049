package org.virtlockd.itests.diff;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;

import org.virtlockd.itests.harness.WireClient;

/**
 * One connection of a scenario, as the test user. Every step writes lines to the session's transcript
 * ("→" what was sent, "←" what came back, normalised) and, on libvirt's side, checks the reply against the
 * step's {@link Expect}. Steps never throw on a daemon's misbehaviour: they record it, so that the two
 * transcripts show the difference.
 */
final class Conn implements AutoCloseable {
    /** Longest wait for a reply that should come. */
    static final Duration REPLY_WAIT = Duration.ofSeconds(5);
    /** Longest wait for the daemon to close the connection. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(3);
    /** Silence that counts as "nothing more is coming" where no fence can be used (a frame left incomplete). */
    static final Duration QUIET = Duration.ofMillis(500);
    /** Pause between the bytes of a trickled request. */
    static final long TRICKLE_PAUSE_MS = 2;
    /** Frames read at most while looking for the reply to a fence. */
    static final int FENCE_FRAMES = 8;

    /** The program of fence calls: served by neither daemon. */
    static final int FENCE_PROGRAM = 0x7e7e7e7e;
    /** Serials of fence calls: far from the 0, 1, 2... of the scenario's own calls. */
    static final int FENCE_SERIAL = 0x7e7e0000;

    private final Session session;
    private final String name;
    private final WireClient client;
    private int nextSerial;
    private int fences;
    private boolean finished;

    Conn(Session session, String name, WireClient client) {
        this.session = session;
        this.name = name;
        this.client = client;
    }

    /** Sends a request that must be answered by one frame. */
    Conn call(Req request, Expect expect) {
        int serial = serialFor(request);
        if (send(request, serial)) {
            byte[] reply = read();
            record("←", reply);
            session.check(name + " " + request.label(serial), expect.reply(request.header(serial)), reply);
        }
        return this;
    }

    /** Sends a request one byte per write, with a pause between bytes, then reads its reply. */
    Conn trickle(Req request, Expect expect) throws InterruptedException {
        int serial = serialFor(request);
        session.record(name + " → one byte at a time: " + request.label(serial));
        byte[] frame = request.encode(serial);
        for (byte b : frame) {
            if (!write(new byte[] {b})) {
                return this;
            }
            Thread.sleep(TRICKLE_PAUSE_MS);
        }
        byte[] reply = read();
        record("←", reply);
        session.check(name + " trickled " + request.label(serial), expect.reply(request.header(serial)), reply);
        return this;
    }

    /** Sends the requests in one write, then reads one reply per request (they must come in order). */
    Conn pipeline(Req[] requests, Expect[] expects) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        int[] serials = new int[requests.length];
        for (int i = 0; i < requests.length; i++) {
            serials[i] = serialFor(requests[i]);
            all.writeBytes(requests[i].encode(serials[i]));
            session.record(name + " → " + requests[i].label(serials[i]));
        }
        if (write(all.toByteArray())) {
            for (int i = 0; i < requests.length; i++) {
                byte[] reply = read();
                record("←", reply);
                session.check(name + " pipelined " + requests[i].label(serials[i]),
                        expects[i].reply(requests[i].header(serials[i])), reply);
            }
        }
        return this;
    }

    /** Sends a message that must get no answer, then fences. */
    Conn silent(Req request) {
        if (send(request, serialFor(request))) {
            fence();
        }
        return this;
    }

    /** Sends bytes after which the daemon must close the connection without a reply. */
    Conn closes(Req request) {
        int serial = serialFor(request);
        send(request, serial);
        String drained = drain(CLOSE_WAIT);
        session.record(name + " ← " + drained);
        session.checkText(name + " " + request.label(serial), WireClient.EOF, drained);
        finished = true;
        return this;
    }

    /** Sends bytes the daemon must keep waiting on (an incomplete frame): records what comes within {@link #QUIET}. */
    Conn waits(Req request) {
        int serial = serialFor(request);
        send(request, serial);
        String drained = drain(QUIET);
        session.record(name + " ← " + drained);
        session.checkText(name + " " + request.label(serial), "", drained);
        finished = true;
        return this;
    }

    /**
     * Fences the conversation: a CALL to a program nobody serves, with a serial of its own, then every
     * frame up to its reply ("Cannot find program ..."); anything before that reply is unexpected. A PING
     * would not do: its PONG cannot be told apart from a PONG the previous message provoked. The fence
     * involves the RPC layer only, not the lock program.
     */
    Conn fence() {
        int serial = FENCE_SERIAL + fences++;
        Req fence = Req.lock(0, Xdr.of()).prog(FENCE_PROGRAM).serial(serial);
        if (!write(fence.encode(serial))) {
            return this;
        }
        for (int i = 0; i < FENCE_FRAMES; i++) {
            byte[] frame = read();
            if (frame == null) {
                session.record(name + " ← fence: no reply");
                session.checkText(name + " fence", "a reply to the fence", "nothing");
                return this;
            }
            if (frame.length >= 24 && ByteBuffer.wrap(frame).getInt(20) == serial) {
                record("← fence:", frame);
                session.check(name + " fence", Expect.noProgram(FENCE_PROGRAM, 1).reply(fence.header(serial)), frame);
                return this;
            }
            record("← before the fence:", frame);
            session.checkText(name + " fence", "nothing before the fence's reply", WireHex.of(frame));
        }
        return this;
    }

    /** Ends the connection: a last fence unless the connection was closed or left waiting. */
    @Override
    public void close() {
        if (!finished) {
            fence();
            finished = true;
        }
        try {
            client.close();
        } catch (IOException e) {
            session.record(name + " close failed: " + e);
        }
    }

    @Override
    public String toString() {
        return name;
    }

    private int serialFor(Req request) {
        return request.countsSerial() ? nextSerial++ : 0;
    }

    private boolean send(Req request, int serial) {
        session.record(name + " → " + request.label(serial));
        return write(request.encode(serial));
    }

    private boolean write(byte[] bytes) {
        try {
            client.send(bytes);
            return true;
        } catch (IOException e) {
            session.record(name + " send failed: " + e.getClass().getSimpleName());
            return false;
        }
    }

    private byte[] read() {
        try {
            return client.readFrame(REPLY_WAIT);
        } catch (IOException | RuntimeException e) {
            session.record(name + " read failed: " + e.getClass().getSimpleName());
            return null;
        }
    }

    private String drain(Duration quiet) {
        try {
            return client.drain(quiet);
        } catch (IOException e) {
            return "read failed: " + e.getClass().getSimpleName();
        }
    }

    private void record(String arrow, byte[] frame) {
        session.record(name + " " + arrow + " " + (frame == null ? "no reply" : WireHex.of(session.normalise(frame))));
    }
}
