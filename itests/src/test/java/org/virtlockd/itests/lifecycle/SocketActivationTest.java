package org.virtlockd.itests.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.virtlockd.itests.harness.Daemon.Kind;
import org.virtlockd.itests.harness.Sandbox;
import org.virtlockd.itests.harness.UserProcess;
import org.virtlockd.itests.harness.WireClient;

/**
 * systemd socket activation (spec 6.7) with real listening sockets: the daemon serves on the passed
 * descriptors by name, marks them close-on-exec, creates no socket of its own and leaves the socket files in
 * place at shutdown; a descriptor with a name no server claims ends it with status 6.
 */
class SocketActivationTest {

    private static final String LOCK = "virtlockd.socket";
    private static final String ADMIN = "virtlockd-admin.socket";
    /** O_CLOEXEC in the octal {@code flags:} line of {@code /proc/<pid>/fdinfo/<fd>}. */
    private static final long O_CLOEXEC = 02000000;
    @RegisterExtension
    final Sandbox sandbox = Sandbox.perTest();

    private static long inode(Path p) throws Exception {
        return (Long) Files.getAttribute(p, "unix:ino");
    }

    private static long fdFlags(long pid, int fd) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "fdinfo", Integer.toString(fd)))) {
            if (line.startsWith("flags:")) {
                return Long.parseLong(line.substring(6).trim(), 8);
            }
        }
        throw new AssertionError("no flags for fd " + fd + " of " + pid);
    }

    @Test
    void servesBothPassedSocketsAndLeavesThemInPlace() throws Exception {
        try (UserProcess p = SocketActivation.start(Kind.OURS, sandbox,
                List.of(sandbox.lockSocket(), sandbox.adminSocket()), List.of(LOCK, ADMIN), "-v")) {
            long lockInode = inode(sandbox.lockSocket());
            long adminInode = inode(sandbox.adminSocket());
            assertEquals(Ping.pong(), Ping.answer(sandbox.lockSocket()), "the first connection starts the daemon:\n" + p.output());
            assertEquals(Ping.pong(), Ping.answer(sandbox.adminSocket()));
            assertTrue(p.awaitOutput("listening on the sockets systemd passed", Duration.ofSeconds(10)), p.output());
            assertEquals(inode(sandbox.lockSocket()), lockInode, "the daemon did not replace the lock socket");
            assertEquals(inode(sandbox.adminSocket()), adminInode, "nor the admin socket");
            assertEquals(Long.toString(p.pid()), Files.readString(sandbox.pidFile()), "LISTEN_PID is the daemon's pid");
            for (int fd = 3; fd <= 4; fd++) {
                assertTrue((fdFlags(p.pid(), fd) & O_CLOEXEC) != 0, "fd " + fd + " is close-on-exec");
            }
            p.signal("TERM");
            assertEquals(0, p.awaitExit(Duration.ofSeconds(30)), p.output());
            assertEquals(lockInode, inode(sandbox.lockSocket()), "inherited sockets are not unlinked");
            assertEquals(adminInode, inode(sandbox.adminSocket()));
            assertFalse(Files.exists(sandbox.pidFile()), "the pid file is");
        }
    }

    @Test
    void aServerWhoseSocketWasNotPassedGetsNone() throws Exception {
        try (UserProcess p = SocketActivation.start(Kind.OURS, sandbox, List.of(sandbox.lockSocket()), List.of(LOCK))) {
            assertEquals(Ping.pong(), Ping.answer(sandbox.lockSocket()), p.output());
            assertFalse(Files.exists(sandbox.adminSocket()), "no self-created admin socket as a fallback");
            p.signal("TERM");
            assertEquals(0, p.awaitExit(Duration.ofSeconds(30)), p.output());
            assertTrue(Files.exists(sandbox.lockSocket()));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anUnclaimedDescriptorEndsTheDaemonWithStatus6(Kind kind) throws Exception {
        Path other = sandbox.runDir().resolve("other-sock");
        try (UserProcess p = SocketActivation.start(kind, sandbox, List.of(sandbox.lockSocket(), other),
                List.of(LOCK, "other.socket"))) {
            try (WireClient trigger = Ping.connect(sandbox.lockSocket())) {
                assertEquals(6, p.awaitExit(Duration.ofSeconds(30)), p.output());
            }
            assertTrue(p.output().contains("Some activation file descriptors are unclaimed"), p.output());
            assertFalse(Files.exists(sandbox.pidFile()), "pid file released");
        }
    }
}
