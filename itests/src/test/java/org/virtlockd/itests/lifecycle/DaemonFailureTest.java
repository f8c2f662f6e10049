package org.virtlockd.itests.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.virtlockd.itests.harness.Daemon;
import org.virtlockd.itests.harness.Daemon.Kind;
import org.virtlockd.itests.harness.Daemon.Result;
import org.virtlockd.itests.harness.Sandbox;
import org.virtlockd.itests.harness.TestUser;

/**
 * A daemon that fails to start under {@code -d} makes the command print the daemon's own messages, then
 * libvirt's line {@code <command>: error: <text>. Check /var/log/messages or run without --daemon for more
 * info.}, and exit 1 (spec 6.10). The pid-file cases run against libvirt's virtlockd in both directions.
 */
class DaemonFailureTest {

    private static final Duration EXIT = Duration.ofSeconds(60);
    private static final String ADVICE = ". Check /var/log/messages or run without --daemon for more info.";
    @RegisterExtension
    final Sandbox sandbox = Sandbox.perTest();

    private static String command(Kind kind) {
        return kind == Kind.OURS ? Daemon.distribution().resolve("bin/virtlockd").toString() : "/usr/sbin/virtlockd";
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void aBadConfigurationFile() throws Exception {
        Path conf = sandbox.write("bad.conf", "max_clients = \"many\"\n");
        Result r = Daemon.runToExit(Kind.OURS, sandbox, EXIT, "-d", "-f", conf.toString());
        assertEquals(1, r.status(), r.output());
        assertTrue(r.output().contains(conf.toString()), "the daemon's own message names the file:\n" + r.output());
        assertEquals(command(Kind.OURS) + ": error: Unable to load configuration file" + ADVICE, lastLine(r.output()));
        assertFalse(Files.exists(sandbox.pidFile()), "the failed daemon is gone");
    }

    @Test
    void aPidFileHeldByOurForegroundDaemon() throws Exception {
        try (Daemon first = Daemon.start(Kind.OURS, sandbox)) {
            Result r = Daemon.runToExit(Kind.OURS, sandbox, EXIT, "-d");
            assertEquals(1, r.status(), r.output());
            assertTrue(r.output().contains("Failed to acquire pid file '" + sandbox.pidFile()
                    + "': Resource temporarily unavailable"), r.output());
            assertEquals(command(Kind.OURS) + ": error: Unable to obtain pidfile" + ADVICE, lastLine(r.output()));
            assertEquals(0, first.stop());
        }
    }

    /** Whichever daemon holds the pid file, the other one's {@code -d} fails with the same line. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void aPidFileHeldByTheOtherImplementation(Kind second) throws Exception {
        Kind first = second == Kind.OURS ? Kind.LIBVIRT : Kind.OURS;
        try (Daemon holder = Daemon.start(first, sandbox)) {
            Result r = Daemon.runToExit(second, sandbox, EXIT, "-d");
            assertEquals(1, r.status(), r.output());
            assertEquals(command(second) + ": error: Unable to obtain pidfile" + ADVICE, lastLine(r.output()));
            assertTrue(holder.process().isAlive(), first + " keeps running");
            assertEquals(Long.toString(holder.pid()), Files.readString(sandbox.pidFile()), "and keeps its pid file");
            assertEquals(0, holder.stop());
        }
    }

    /** A non-empty directory where the lock socket goes cannot be replaced by a socket. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSocketThatCannotBeBound(Kind kind) throws Exception {
        Path blocker = sandbox.lockSocket().resolve("occupied");
        Files.createDirectories(blocker);
        TestUser.chown(sandbox.runDir());
        TestUser.chown(sandbox.lockSocket());
        TestUser.chown(blocker);
        Result daemonized = Daemon.runToExit(kind, sandbox, EXIT, "-d");
        assertEquals(1, daemonized.status(), daemonized.output());
        assertEquals(command(kind) + ": error: Unable to initialize network sockets" + ADVICE, lastLine(daemonized.output()));
        Result foreground = Daemon.runToExit(kind, sandbox, EXIT);
        assertEquals(6, foreground.status(), "VIR_DAEMON_ERR_NETWORK in the foreground:\n" + foreground.output());
        assertTrue(foreground.output().contains("Failed to bind socket to '" + sandbox.lockSocket() + "'"), foreground.output());
        assertFalse(Files.exists(sandbox.pidFile()), "pid file released");
    }
}
