package org.virtlockd.itests.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.virtlockd.itests.harness.Daemon;
import org.virtlockd.itests.harness.Sandbox;
import org.virtlockd.itests.harness.TestUser;
import org.virtlockd.itests.harness.UserProcess;

/**
 * The daemon raises its soft open-file limit to the hard limit at start. This machine's soft and hard
 * limits are equal, so the test lowers the soft one with prlimit first, and turns off the JVM's own
 * raising ({@code -XX:-MaxFDLimit}) so that what it sees is the launcher's doing.
 */
class OpenFileLimitTest {

    private static final long LOWERED = 1024;
    @RegisterExtension
    final Sandbox sandbox = Sandbox.perTest();

    /** soft and hard "Max open files" of a process. */
    private static long[] openFiles(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "limits"))) {
            if (line.startsWith("Max open files")) {
                String[] f = line.substring("Max open files".length()).trim().split("\\s+");
                return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])};
            }
        }
        throw new AssertionError("no open-file limit for " + pid);
    }

    @Test
    void theSoftLimitIsRaisedToTheHardLimit() throws Exception {
        TestUser.requireTool("/usr/bin/prlimit", "util-linux");
        long hard = openFiles(ProcessHandle.current().pid())[1];
        List<String> lower = List.of("/usr/bin/prlimit", "--nofile=" + LOWERED + ":" + hard);
        try (UserProcess control = UserProcess.start(sandbox, lower, Map.of(), List.of("/bin/cat", "/proc/self/limits"))) {
            control.awaitExit(Daemon.STOP_TIMEOUT);
            assertEquals(true, control.output().matches("(?s).*Max open files\\s+" + LOWERED + "\\s+" + hard + "\\s.*"),
                    "the wrapper lowers the soft limit:\n" + control.output());
        }
        Map<String, String> env = Map.of("VIRTLOCKD_JAVA_OPTS", "-XX:-MaxFDLimit");
        try (UserProcess d = UserProcess.start(sandbox, lower, env, List.of(Daemon.distribution().resolve("bin/virtlockd").toString()))) {
            long deadline = System.nanoTime() + Daemon.START_TIMEOUT.toNanos();
            while (!Files.exists(sandbox.adminSocket()) && System.nanoTime() < deadline && d.process().isAlive()) {
                Thread.sleep(20);
            }
            long[] limits = openFiles(d.pid());
            assertEquals(hard, limits[1]);
            assertEquals(hard, limits[0], "soft limit raised from " + LOWERED + " to the hard limit");
            d.signal("TERM");
            assertEquals(0, d.awaitExit(Daemon.STOP_TIMEOUT), d.output());
        }
    }
}
