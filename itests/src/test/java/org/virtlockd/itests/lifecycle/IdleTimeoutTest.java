package org.virtlockd.itests.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.virtlockd.itests.harness.Daemon;
import org.virtlockd.itests.harness.Daemon.Kind;
import org.virtlockd.itests.harness.Sandbox;
import org.virtlockd.itests.harness.WireClient;

/**
 * {@code -t SECS} (spec 6.8): the daemon exits 0 once neither server has had a client for SECS seconds; a
 * client of either server (admin connections count) stops the countdown, the last one leaving restarts it.
 */
class IdleTimeoutTest {

    private static final int TIMEOUT_SECONDS = 3;
    private static final long TIMEOUT_MILLIS = TIMEOUT_SECONDS * 1000L;
    /** Scheduling slack on a loaded machine, below the timeout. */
    private static final long EARLY_MILLIS = 300;
    @RegisterExtension
    final Sandbox sandbox = Sandbox.perTest();

    @Test
    void anIdleDaemonExitsWithStatus0AfterTheTimeout() throws Exception {
        try (Daemon d = Daemon.start(Kind.OURS, sandbox, "-t", Integer.toString(TIMEOUT_SECONDS))) {
            long listening = System.nanoTime();
            assertEquals(0, d.awaitExit(Duration.ofSeconds(30)), d.output());
            long millis = (System.nanoTime() - listening) / 1_000_000;
            assertTrue(millis >= TIMEOUT_MILLIS - EARLY_MILLIS, "exited after " + millis + " ms");
            assertFalse(Files.exists(sandbox.pidFile()), "an orderly shutdown: pid file removed");
            assertFalse(Files.exists(sandbox.lockSocket()), "and sockets");
        }
    }

    @Test
    void clientsOfEitherServerKeepItAliveAndTheLastOneLeavingRestartsTheCountdown() throws Exception {
        try (Daemon d = Daemon.start(Kind.OURS, sandbox, "-t", Integer.toString(TIMEOUT_SECONDS))) {
            WireClient admin = Ping.connect(sandbox.adminSocket());
            Thread.sleep(TIMEOUT_MILLIS + 1000);
            assertTrue(d.process().isAlive(), "an admin client keeps the daemon alive");

            WireClient lock = Ping.connect(sandbox.lockSocket());
            admin.close();
            Thread.sleep(TIMEOUT_MILLIS + 1000);
            assertTrue(d.process().isAlive(), "so does a lock client");

            lock.close();
            long idle = System.nanoTime();
            assertEquals(0, d.awaitExit(Duration.ofSeconds(30)), d.output());
            long millis = (System.nanoTime() - idle) / 1_000_000;
            assertTrue(millis >= TIMEOUT_MILLIS - EARLY_MILLIS, "a full timeout after the last client left: " + millis + " ms");
        }
    }
}
