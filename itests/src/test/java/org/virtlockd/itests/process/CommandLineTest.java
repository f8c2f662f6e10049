package org.virtlockd.itests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.virtlockd.itests.harness.Daemon;
import org.virtlockd.itests.harness.Daemon.Kind;
import org.virtlockd.itests.harness.Daemon.Result;
import org.virtlockd.itests.harness.Sandbox;

/** The distribution's command line run as the test user: output and exit statuses (spec 6.1, 6.10). */
class CommandLineTest {

    private static final Duration EXIT = Duration.ofSeconds(30);
    @RegisterExtension
    final Sandbox sandbox = Sandbox.perTest();

    private Result ours(String... args) throws Exception {
        return Daemon.runToExit(Kind.OURS, sandbox, EXIT, args);
    }

    @Test
    void versionNamesTheCommandAndLibvirtCompatibility() throws Exception {
        Result r = ours("--version");
        assertEquals(0, r.status());
        String cmd = Daemon.distribution().resolve("bin/virtlockd").toString();
        assertEquals(cmd + " (virtlockd for the JVM) 1.0.0-SNAPSHOT, compatible with libvirt 9.0.0\n", r.output());
    }

    @Test
    void helpListsTheDefaultPathsOfTheTestUser() throws Exception {
        Result r = ours("-h");
        assertEquals(0, r.status());
        assertTrue(r.output().contains("  -t | --timeout <secs>  Exit after timeout period."), r.output());
        assertTrue(r.output().contains(sandbox.root().resolve("cfg/libvirt/virtlockd.conf").toString()), r.output());
        assertTrue(r.output().contains(sandbox.lockSocket().toString()), r.output());
        assertTrue(r.output().contains(sandbox.pidFile().toString()), r.output());
        assertFalse(Files.exists(sandbox.runDir()), "help must not create the run directory");
    }

    @Test
    void unknownOptionPrintsGetoptMessageAndUsageAndExits1() throws Exception {
        Result r = ours("-x");
        assertEquals(1, r.status());
        assertTrue(r.output().contains("virtlockd: invalid option -- 'x'\n"), r.output());
        assertTrue(r.output().contains("Usage:"), r.output());
        Result l = ours("--frobnicate");
        assertEquals(1, l.status());
        assertTrue(l.output().contains("unrecognized option '--frobnicate'"), l.output());
    }

    @Test
    void invalidTimeoutExits1() throws Exception {
        for (String bad : new String[] {"abc", "-1", "2147484", ""}) {
            Result r = ours("-t", bad);
            assertEquals(1, r.status(), bad);
            assertTrue(r.output().contains("error : main : Invalid value for timeout"), r.output());
        }
    }

    @Test
    void missingExplicitConfigExits1NamingIt() throws Exception {
        String missing = sandbox.root().resolve("nope.conf").toString();
        Result r = ours("-f", missing);
        assertEquals(1, r.status(), r.output());
        assertTrue(r.output().contains("Can't load config file: Failed to open file '" + missing
                + "': No such file or directory: " + missing), r.output());
        assertFalse(Files.exists(sandbox.lockSocket()), "no socket may exist after a config error");
        assertFalse(Files.exists(sandbox.pidFile()), "the pid file is removed on the way out");
    }

    @Test
    void wrongTypeInConfigExits1NamingKeyAndType() throws Exception {
        String conf = sandbox.write("bad.conf", "max_clients = \"many\"\n").toString();
        Result r = ours("-f", conf);
        assertEquals(1, r.status(), r.output());
        assertTrue(r.output().contains("expected an unsigned integer for 'max_clients' parameter"), r.output());
        assertFalse(Files.exists(sandbox.lockSocket()));
    }

    @Test
    void syntaxErrorInConfigNamesFileAndLine() throws Exception {
        String conf = sandbox.write("syntax.conf", "# fine\nlog_level = 3\nmax_clients = \n").toString();
        Result r = ours("-f", conf);
        assertEquals(1, r.status(), r.output());
        assertTrue(r.output().contains("configuration file syntax error: " + conf + ":3: expecting a value"), r.output());
    }
}
