package org.virtlockd.itests.lifecycle;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;

import org.virtlockd.itests.harness.WireClient;

/** A keepalive PING on a new connection as the test user: does the socket serve? */
final class Ping {

    private static final int KEEPALIVE = 0x6B656570;
    private static final int MESSAGE = 2;

    private Ping() {
    }

    static byte[] frame(int proc) {
        return ByteBuffer.allocate(28).putInt(28).putInt(KEEPALIVE).putInt(1).putInt(proc).putInt(MESSAGE)
                .putInt(0).putInt(0).array();
    }

    /** @return the hex of the answer to a PING (a PONG when the daemon serves), or null without one */
    static String answer(Path socket) throws Exception {
        try (WireClient c = WireClient.connect(socket)) {
            c.send(frame(1));
            byte[] reply = c.readFrame(Duration.ofSeconds(10));
            return reply == null ? null : WireClient.hex(reply);
        }
    }

    static String pong() {
        return WireClient.hex(frame(2));
    }
}
