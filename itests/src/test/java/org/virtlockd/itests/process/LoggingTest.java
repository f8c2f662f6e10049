package org.virtlockd.itests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.virtlockd.itests.harness.Daemon;
import org.virtlockd.itests.harness.Daemon.Kind;
import org.virtlockd.itests.harness.Sandbox;
import org.virtlockd.itests.harness.WireClient;

/** libvirt's log priorities and outputs: stderr by default, a file when configured, --verbose. */
class LoggingTest {

    /** {@code 2026-11-21 11:48:40.396+0000: 29333: info : <source> : <message>} */
    private static final Pattern LINE = Pattern.compile(
            "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000: \\d+: (debug|info|warning|error) : \\S+ : .*");
    @RegisterExtension
    final Sandbox sandbox = Sandbox.perTest();

    @Test
    void defaultPriorityIsWarningOnStderr() throws Exception {
        try (Daemon d = Daemon.start(Kind.OURS, sandbox)) {
            try (WireClient root = WireClient.connectAsRoot(sandbox.lockSocket())) {
                root.drain(Duration.ofMillis(300));
            }
            assertTrue(d.awaitOutput("warning : ", Duration.ofSeconds(5)), d.output());
            assertEquals(0, d.stop());
            for (String line : d.output().split("\n")) {
                assertTrue(LINE.matcher(line).matches(), "libvirt's line format: " + line);
                assertFalse(line.contains(": info : ") || line.contains(": debug : "), "below the default priority: " + line);
            }
        }
    }

    @Test
    void verboseLogsInfo() throws Exception {
        try (Daemon d = Daemon.start(Kind.OURS, sandbox, "--verbose")) {
            assertTrue(d.awaitOutput(": info : ", Duration.ofSeconds(5)), d.output());
            assertEquals(0, d.stop());
        }
    }

    @Test
    void fileOutputGetsLinesAtItsPriorityAndStderrStaysQuiet() throws Exception {
        Path log = sandbox.data().resolve("daemon.log");
        String conf = sandbox.write("log.conf", "log_level = 2\nlog_outputs = \"2:file:" + log + "\"\n").toString();
        try (Daemon d = Daemon.start(Kind.OURS, sandbox, "-f", conf)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!(Files.exists(log) && Files.readString(log).contains("listening on " + sandbox.lockSocket()))
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(Files.readString(log).contains(": info : "), "info line in the file");
            assertEquals(0, d.stop());
            for (String line : Files.readString(log).split("\n")) {
                assertTrue(LINE.matcher(line).matches(), line);
            }
            assertEquals("", d.output(), "nothing on stderr when a file output is configured");
        }
    }

    @Test
    void malformedOutputEndsTheDaemonWithStatus1() throws Exception {
        String conf = sandbox.write("bad-log.conf", "log_outputs = \"9:nowhere\"\n").toString();
        Daemon.Result r = Daemon.runToExit(Kind.OURS, sandbox, Duration.ofSeconds(30), "-f", conf);
        assertEquals(1, r.status(), r.output());
        assertTrue(r.output().contains("Invalid log priority '9' for log output '9:nowhere'"), r.output());
    }
}
