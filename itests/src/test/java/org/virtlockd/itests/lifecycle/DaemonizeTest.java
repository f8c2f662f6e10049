package org.virtlockd.itests.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.virtlockd.itests.harness.Daemon;
import org.virtlockd.itests.harness.Daemon.Kind;
import org.virtlockd.itests.harness.Daemon.Result;
import org.virtlockd.itests.harness.Sandbox;

/**
 * {@code -d} (spec 6.10 step 4): the command returns 0 once the daemon serves; the daemon runs in a session
 * of its own without a terminal, in {@code /}, with stdio on {@code /dev/null}, its pid in the pid file and
 * its log in the default log file (6.4).
 */
class DaemonizeTest {

    private static final Duration EXIT = Duration.ofSeconds(60);
    @RegisterExtension
    final Sandbox sandbox = Sandbox.perTest();

    @Test
    void detachesServesAtOnceAndStopsCleanlyOnSigterm() throws Exception {
        sandbox.write("daemon.conf", "log_level = 2\n");
        long testSession = ProcStat.of(ProcessHandle.current().pid()).orElseThrow().session();
        // a relative -f names a file in the caller's directory, although the daemon runs in /
        Result parent = Daemon.runToExit(Kind.OURS, sandbox, EXIT, "-d", "-f", "daemon.conf");
        assertEquals(0, parent.status(), parent.output());
        assertEquals("", parent.output(), "nothing on the terminal");
        try (Detached d = Detached.fromPidFile(sandbox.pidFile())) {
            assertEquals(Ping.pong(), Ping.answer(sandbox.lockSocket()), "serving when the command returned");
            assertEquals(Ping.pong(), Ping.answer(sandbox.adminSocket()));
            assertEquals(Long.toString(d.pid), Files.readString(sandbox.pidFile()), "the daemon's pid, no newline");

            ProcStat stat = ProcStat.of(d.pid).orElseThrow();
            assertEquals(d.pid, stat.session(), "leader of a new session: " + stat);
            assertEquals(d.pid, stat.pgrp(), "and of its process group: " + stat);
            assertNotEquals(testSession, stat.session());
            assertEquals(0, stat.ttyNr(), "no controlling terminal: " + stat);
            Path proc = Path.of("/proc", Long.toString(d.pid));
            assertEquals(Path.of("/"), Files.readSymbolicLink(proc.resolve("cwd")));
            for (int fd = 0; fd <= 2; fd++) {
                assertEquals(Path.of("/dev/null"), Files.readSymbolicLink(proc.resolve("fd/" + fd)), "fd " + fd);
            }

            Path log = sandbox.root().resolve("cache/libvirt/virtlockd.log");
            assertTrue(awaitContains(log, "listening on " + sandbox.lockSocket()), "info lines in " + log);

            d.signal("TERM");
            assertTrue(d.awaitGone(Duration.ofSeconds(30)), "stopped within 30 s");
            assertFalse(Files.exists(sandbox.pidFile()), "pid file removed");
            assertFalse(Files.exists(sandbox.lockSocket()), "lock socket removed");
            assertFalse(Files.exists(sandbox.adminSocket()), "admin socket removed");
        }
    }

    static boolean awaitContains(Path file, String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && Files.readString(file).contains(text)) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }
}
