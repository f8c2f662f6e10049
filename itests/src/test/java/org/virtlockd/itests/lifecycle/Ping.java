package org.virtlockd.itests.lifecycle;

import java.net.ConnectException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;

import org.newsclub.net.unix.ConnectionRefusedSocketException;
import org.virtlockd.itests.harness.WireClient;

/**
 * Connections as the test user to a socket that may have just appeared, and a keepalive PING on one: does
 * the socket serve?
 */
final class Ping {

    private static final int KEEPALIVE = 0x6B656570;
    private static final int MESSAGE = 2;

    private Ping() {
    }

    static byte[] frame(int proc) {
        return ByteBuffer.allocate(28).putInt(28).putInt(KEEPALIVE).putInt(1).putInt(proc).putInt(MESSAGE)
                .putInt(0).putInt(0).array();
    }

    /** How long a socket file may exist before its listen() has happened. */
    private static final Duration LISTEN_GRACE = Duration.ofSeconds(5);

    /**
     * Connects, retrying while the connection is refused: a socket file appears at bind(), a moment before
     * listen(), both in our daemon and in systemd-socket-activate.
     */
    static WireClient connect(Path socket) throws Exception {
        long deadline = System.nanoTime() + LISTEN_GRACE.toNanos();
        while (true) {
            try {
                return WireClient.connect(socket);
            } catch (ConnectException | ConnectionRefusedSocketException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(10);
            }
        }
    }

    /** @return the hex of the answer to a PING (a PONG when the daemon serves), or null without one */
    static String answer(Path socket) throws Exception {
        try (WireClient c = connect(socket)) {
            c.send(frame(1));
            byte[] reply = c.readFrame(Duration.ofSeconds(10));
            return reply == null ? null : WireClient.hex(reply);
        }
    }

    static String pong() {
        return WireClient.hex(frame(2));
    }
}
