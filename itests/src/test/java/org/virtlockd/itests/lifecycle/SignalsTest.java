package org.virtlockd.itests.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.virtlockd.itests.harness.Daemon;
import org.virtlockd.itests.harness.Guest;
import org.virtlockd.itests.harness.Daemon.Kind;
import org.virtlockd.itests.harness.ProcLocks;
import org.virtlockd.itests.harness.ProcLocks.FileKey;
import org.virtlockd.itests.harness.Sandbox;
import org.virtlockd.itests.harness.TestUser;

/**
 * Signals (spec 6.11) with a lock held by a live guest ({@link Guest}, on its own holder connection). SIGTERM
 * and SIGINT stop the daemon in order and fence the guest (3.9); SIGQUIT (the JVM's thread dump), SIGHUP,
 * SIGPIPE and SIGUSR1 (a re-exec) change nothing: the daemon, the guest, its lock and its connection all stay.
 */
class SignalsTest {

    @RegisterExtension
    final Sandbox sandbox = Sandbox.perTest();
    private Daemon daemon;
    private Guest guest;
    private FileKey disk;

    @BeforeEach
    void start() throws Exception {
        Path image = sandbox.data().resolve("disk.img");
        Files.writeString(image, "");
        TestUser.chown(image);
        disk = FileKey.of(image);
        daemon = Daemon.start(Kind.OURS, sandbox);
        guest = Guest.holding(sandbox.lockSocket(), image);
        assertEquals("WRITE", ProcLocks.byteZero(daemon.pid(), disk));
    }

    @AfterEach
    void stop() throws Exception {
        daemon.close();
        guest.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT"})
    void stopsInOrderFencingTheGuestAndRemovingItsFiles(String signal) throws Exception {
        daemon.signal(signal);
        assertEquals(0, daemon.awaitExit(Duration.ofSeconds(30)), "exit 0 within 30 s:\n" + daemon.output());
        assertEquals(128 + 15, guest.awaitExit(10), "the lock-holding guest got SIGTERM");
        assertFalse(Files.exists(sandbox.pidFile()), "pid file removed");
        assertFalse(Files.exists(sandbox.lockSocket()), "lock socket unlinked");
        assertFalse(Files.exists(sandbox.adminSocket()), "admin socket unlinked");
    }

    @Test
    void quitHupPipeAndUsr1LeaveTheDaemonAndItsLocksAlone() throws Exception {
        daemon.signal("QUIT");
        assertTrue(daemon.awaitOutput("Full thread dump", Duration.ofSeconds(10)), "SIGQUIT is the JVM's thread dump");
        assertUntouched("QUIT");

        daemon.signal("HUP");
        assertTrue(daemon.awaitOutput("ignoring SIGHUP", Duration.ofSeconds(10)), daemon.output());
        assertUntouched("HUP");

        daemon.signal("PIPE");
        assertUntouched("PIPE");

        // the service's reload: a re-exec of the same process keeps everything
        daemon.signal("USR1");
        assertUntouched("USR1");

        assertEquals(0, daemon.stop());
        assertEquals(128 + 15, guest.awaitExit(10), "the guest is fenced at the real stop");
    }

    private void assertUntouched(String signal) throws Exception {
        Thread.sleep(300);
        assertTrue(daemon.process().isAlive(), "SIG" + signal + " must not end the daemon");
        assertTrue(guest.alive(), "nor its guest");
        assertEquals("WRITE", ProcLocks.byteZero(daemon.pid(), disk), "the lock survives SIG" + signal);
        assertEquals("pong", guest.ping(), "the guest's connection is served after SIG" + signal);
        assertEquals(Ping.pong(), Ping.answer(sandbox.lockSocket()), "and new clients too");
    }
}
