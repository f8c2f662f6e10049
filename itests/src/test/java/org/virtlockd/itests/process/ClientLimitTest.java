package org.virtlockd.itests.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.virtlockd.itests.harness.Daemon;
import org.virtlockd.itests.harness.Daemon.Kind;
import org.virtlockd.itests.harness.Sandbox;
import org.virtlockd.itests.harness.WireClient;

/** max_clients pauses accept (spec 6.5); several frames in one write are answered in order (spec 1.4). */
class ClientLimitTest {

    @RegisterExtension
    final Sandbox sandbox = Sandbox.perTest();

    @Test
    void aClientOverTheLimitWaitsUntilASlotFrees() throws Exception {
        String conf = sandbox.write("limit.conf", "max_clients = 2\n").toString();
        try (Daemon d = Daemon.start(Kind.OURS, sandbox, "-f", conf)) {
            WireClient a = WireClient.connect(sandbox.lockSocket());
            WireClient b = WireClient.connect(sandbox.lockSocket());
            for (WireClient c : new WireClient[] {a, b}) {
                c.send(Frames.ping());
                assertArrayEquals(Frames.pong(), c.readFrame(Duration.ofSeconds(5)));
            }
            try (WireClient third = WireClient.connect(sandbox.lockSocket())) {
                third.send(Frames.ping());
                assertNull(third.readFrame(Duration.ofMillis(800)), "the third client waits in the backlog");
                a.close();
                assertArrayEquals(Frames.pong(), third.readFrame(Duration.ofSeconds(5)), "served once a slot is free");
            }
            b.close();
            assertEquals(0, d.stop());
        }
    }

    @Test
    void pipelinedCallsAreAnsweredInOrderWithTheirSerials() throws Exception {
        try (Daemon d = Daemon.start(Kind.OURS, sandbox)) {
            ByteArrayOutputStream burst = new ByteArrayOutputStream();
            for (int serial = 0; serial < 50; serial++) {
                burst.write(Frames.message(0x12345678, 1, 1, 0, serial, 0, new byte[0]));
                burst.write(Frames.ping());
            }
            try (WireClient c = WireClient.connect(sandbox.lockSocket())) {
                c.send(burst.toByteArray());
                for (int serial = 0; serial < 50; serial++) {
                    byte[] reply = c.readFrame(Duration.ofSeconds(5));
                    int gotSerial = ((reply[20] & 0xff) << 24) | ((reply[21] & 0xff) << 16) | ((reply[22] & 0xff) << 8) | (reply[23] & 0xff);
                    assertEquals(serial, gotSerial, "reply " + serial + " in order");
                    assertArrayEquals(Frames.pong(), c.readFrame(Duration.ofSeconds(5)));
                }
            }
            assertEquals(0, d.stop());
        }
    }
}
