package org.virtlockd.itests.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.virtlockd.itests.harness.Daemon;
import org.virtlockd.itests.harness.Daemon.Kind;
import org.virtlockd.itests.harness.Sandbox;
import org.virtlockd.itests.harness.VirtAdmin;

/**
 * libvirt's logging model in a running daemon, both daemons alike (spec 6.4): the environment over the
 * configuration file, {@code --verbose} after both, a malformed variable fatal, and outputs and filters
 * read and replaced at runtime through virt-admin.
 */
class LoggingControlTest {

    private static final Duration LOG_WAIT = Duration.ofSeconds(5);
    @RegisterExtension
    final Sandbox sandbox = Sandbox.perTest();

    private static String stdout(Sandbox s, String... args) throws Exception {
        VirtAdmin.Result r = VirtAdmin.run(s, args);
        assertEquals(0, r.status(), r.text());
        return r.stdout();
    }

    private static boolean awaitContent(Path file, String text) throws Exception {
        long deadline = System.nanoTime() + LOG_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && Files.readString(file).contains(text)) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theEnvironmentOverridesTheFile(Kind kind) throws Exception {
        Path fromFile = sandbox.data().resolve("file.log");
        Path fromEnv = sandbox.data().resolve("env.log");
        String conf = sandbox.write("v.conf", "log_level = 4\nlog_filters = \"4:rpc\"\nlog_outputs = \"3:file:" + fromFile + "\"\n").toString();
        Map<String, String> env = Map.of("LIBVIRT_DEBUG", "info", "LIBVIRT_LOG_FILTERS", "1:foo 2:+bar",
                "LIBVIRT_LOG_OUTPUTS", "2:file:" + fromEnv);
        try (Daemon d = Daemon.start(kind, sandbox, env, "-f", conf)) {
            assertEquals(" Logging outputs: 2:file:" + fromEnv + "\n\n", stdout(sandbox, "daemon-log-outputs"));
            assertEquals(" Logging filters: 1:*foo* 2:*bar* \n\n", stdout(sandbox, "daemon-log-filters"));
            assertTrue(awaitContent(fromEnv, ": info : "), kind + ": info lines in the environment's output");
            assertEquals(0, d.stop());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void verboseComesAfterTheEnvironmentAndSetsTheDefaultOutput(Kind kind) throws Exception {
        try (Daemon d = Daemon.start(kind, sandbox, Map.of("LIBVIRT_DEBUG", "4"), "--verbose")) {
            assertEquals(" Logging outputs: 2:stderr\n\n", stdout(sandbox, "daemon-log-outputs"));
            assertEquals(" Logging filters: \n\n", stdout(sandbox, "daemon-log-filters"));
            assertEquals(0, d.stop());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "LIBVIRT_DEBUG|7|Failed to set logging priority, argument '7' is invalid",
        "LIBVIRT_DEBUG|Debug|Failed to set logging priority, argument 'Debug' is invalid",
        "LIBVIRT_LOG_FILTERS|x|Malformed format for filter 'x'",
        "LIBVIRT_LOG_OUTPUTS|3:bogus|Invalid log destination 'bogus' for log output '3:bogus'"})
    void aMalformedVariableIsFatal(String variable, String value, String message) throws Exception {
        for (Kind kind : Kind.values()) {
            Daemon.Result r = Daemon.runToExit(kind, sandbox, Map.of(variable, value), Duration.ofSeconds(30));
            assertEquals(1, r.status(), kind + ": " + r.output());
            assertTrue(r.output().contains(message), kind + ": " + r.output());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aNewOutputGetsTheNextMessages(Kind kind) throws Exception {
        Path log = sandbox.data().resolve("runtime.log");
        try (Daemon d = Daemon.start(kind, sandbox)) {
            assertEquals("", stdout(sandbox, "daemon-log-outputs", "--outputs", "4:file:" + log).trim());
            assertEquals(1, VirtAdmin.run(sandbox, "srv-clients-info", "nope").status());
            assertTrue(awaitContent(log, ": error : "), kind + ": the error reached the new output");
            assertTrue(Files.readString(log).contains("Server not found: No server named 'nope'"), Files.readString(log));
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(log)));
            stdout(sandbox, "daemon-log-filters", "--filters", "1:foo");
            stdout(sandbox, "daemon-log-outputs", "--outputs", "");
            assertEquals(" Logging outputs: 3:stderr\n\n", stdout(sandbox, "daemon-log-outputs"));
            assertEquals(0, d.stop());
        }
    }
}
