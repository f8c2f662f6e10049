package org.virtlockd.itests.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.virtlockd.itests.harness.Daemon;
import org.virtlockd.itests.harness.Daemon.Kind;
import org.virtlockd.itests.harness.Sandbox;

/** Stopping the framework from the shell shuts the daemon down in order instead of leaving it without sockets. */
class FrameworkStopTest {

    @Test
    void stoppingTheSystemBundleShutsTheDaemonDownCleanly() throws Exception {
        try (Sandbox sandbox = Sandbox.create(); Daemon d = Daemon.start(Kind.OURS, sandbox)) {
            ShellCli.command(sandbox, "stop 0");
            assertEquals(0, d.awaitExit(Duration.ofSeconds(30)), d.output());
            assertFalse(Files.exists(sandbox.lockSocket()), "lock socket unlinked");
            assertFalse(Files.exists(sandbox.pidFile()), "pid file removed");
        }
    }
}
