package org.virtlockd.itests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.virtlockd.itests.harness.Daemon;
import org.virtlockd.itests.harness.Daemon.Kind;
import org.virtlockd.itests.harness.Sandbox;
import org.virtlockd.itests.harness.TestUser;
import org.virtlockd.itests.harness.WireClient;

/** Files, modes and clean-up of a foreground daemon run as the test user (spec 6.2, 6.6, 6.9, 6.11). */
class DaemonFilesTest {

    @RegisterExtension
    final Sandbox sandbox = Sandbox.perTest();

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static int owner(Path p) throws Exception {
        return (Integer) Files.getAttribute(p, "unix:uid");
    }

    @Test
    void createsRunDirectorySocketsAndPidFileAndRemovesThemOnSigterm() throws Exception {
        try (Daemon d = Daemon.start(Kind.OURS, sandbox)) {
            assertEquals("rwx------", mode(sandbox.runDir()));
            for (Path socket : new Path[] {sandbox.lockSocket(), sandbox.adminSocket()}) {
                assertTrue(Files.readAttributes(socket, BasicFileAttributes.class).isOther(), socket + " is a socket");
                assertEquals("rwx------", mode(socket), socket.toString());
                assertEquals(TestUser.UID, owner(socket));
            }
            assertEquals(Long.toString(d.pid()), Files.readString(sandbox.pidFile()), "decimal pid, no newline");
            assertEquals("rw-r--r--", mode(sandbox.pidFile()));
            assertEquals(0, d.stop(), d.output());
            assertFalse(Files.exists(sandbox.lockSocket()), "lock socket unlinked");
            assertFalse(Files.exists(sandbox.adminSocket()), "admin socket unlinked");
            assertFalse(Files.exists(sandbox.pidFile()), "pid file unlinked");
        }
    }

    @Test
    void sigintStopsCleanlyToo() throws Exception {
        try (Daemon d = Daemon.start(Kind.OURS, sandbox)) {
            d.signal("INT");
            assertEquals(0, d.awaitExit(Duration.ofSeconds(30)), d.output());
            assertFalse(Files.exists(sandbox.pidFile()));
        }
    }

    @Test
    void sighupIsIgnoredAndTheDaemonKeepsServing() throws Exception {
        try (Daemon d = Daemon.start(Kind.OURS, sandbox)) {
            d.signal("HUP");
            Thread.sleep(500);
            assertTrue(d.process().isAlive(), "SIGHUP must not end the daemon");
            try (WireClient c = WireClient.connect(sandbox.lockSocket())) {
                c.send(Frames.ping());
                assertEquals(WireClient.hex(Frames.pong()), WireClient.hex(c.readFrame(Duration.ofSeconds(5))));
            }
            assertEquals(0, d.stop());
        }
    }

    @Test
    void replacesAStaleSocketFile() throws Exception {
        Files.createDirectories(sandbox.runDir());
        TestUser.chown(sandbox.runDir());
        Files.writeString(sandbox.lockSocket(), "stale");
        try (Daemon d = Daemon.start(Kind.OURS, sandbox)) {
            try (WireClient c = WireClient.connect(sandbox.lockSocket())) {
                c.send(Frames.ping());
                assertEquals(WireClient.hex(Frames.pong()), WireClient.hex(c.readFrame(Duration.ofSeconds(5))));
            }
            assertEquals(0, d.stop());
        }
    }

    @Test
    void refusesAClientOfAnotherUidWithoutSendingAByte() throws Exception {
        try (Daemon d = Daemon.start(Kind.OURS, sandbox)) {
            for (Path socket : new Path[] {sandbox.lockSocket(), sandbox.adminSocket()}) {
                try (WireClient root = WireClient.connectAsRoot(socket)) {
                    String received;
                    try {
                        root.send(Frames.ping());
                        received = root.drain(Duration.ofSeconds(5));
                    } catch (IOException e) {
                        // the daemon closed the refused connection before this write (EPIPE): nothing was sent
                        received = WireClient.EOF;
                    }
                    assertEquals(WireClient.EOF, received, "closed without a reply on " + socket);
                }
            }
            assertTrue(d.awaitOutput("Disallowing client", Duration.ofSeconds(5)), d.output());
            assertEquals(0, d.stop());
        }
    }

    @Test
    void emptyPidFileOptionSkipsThePidFile() throws Exception {
        try (Daemon d = Daemon.start(Kind.OURS, sandbox, "-p", "")) {
            assertFalse(Files.exists(sandbox.pidFile()));
            assertEquals(0, d.stop());
        }
    }
}
