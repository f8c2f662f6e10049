package org.virtlockd.itests.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.virtlockd.itests.harness.Daemon;
import org.virtlockd.itests.harness.Sandbox;
import org.virtlockd.itests.harness.TestUser;

/**
 * {@code bin/virtlockd-shell} of the built distribution, run to its end as the test user (or as root) in a
 * sandbox's environment, with stdout and stderr kept apart.
 */
public final class ShellCli {

    /** A JVM start plus one command; generous for a loaded CI machine. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Exit status and the two output streams of one run. */
    public record Result(int status, String out, String err) {
        @Override
        public String toString() {
            return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private ShellCli() {
    }

    static Path executable() {
        return Daemon.distribution().resolve("bin/virtlockd-shell");
    }

    /** The command line that runs the client as the test user with only the sandbox's environment. */
    static List<String> asTestUser(Sandbox sandbox, String... args) {
        List<String> cmd = new ArrayList<>(TestUser.setpriv());
        cmd.add("/usr/bin/env");
        cmd.add("-i");
        sandbox.environment().forEach((k, v) -> cmd.add(k + "=" + v));
        cmd.add(executable().toString());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Runs {@code virtlockd-shell args} as the test user, with {@code stdin} as its input. */
    static Result run(Sandbox sandbox, String stdin, String... args) throws IOException, InterruptedException {
        return run(sandbox, asTestUser(sandbox, args), stdin);
    }

    /** Runs {@code virtlockd-shell -c command} as the test user. */
    public static Result command(Sandbox sandbox, String command) throws IOException, InterruptedException {
        return run(sandbox, "", "-c", command);
    }

    /** Runs the client as root (the test JVM's user) with the sandbox's environment. */
    static Result runAsRoot(Sandbox sandbox, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/env", "-i"));
        sandbox.environment().forEach((k, v) -> cmd.add(k + "=" + v));
        cmd.add(executable().toString());
        cmd.addAll(List.of(args));
        return run(sandbox, cmd, "");
    }

    private static Result run(Sandbox sandbox, List<String> cmd, String stdin) throws IOException, InterruptedException {
        Path out = Files.createTempFile(sandbox.root(), "shell-", ".out");
        Path err = Files.createTempFile(sandbox.root(), "shell-", ".err");
        try {
            Process p = new ProcessBuilder(cmd).directory(sandbox.root().toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            try {
                p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
                p.getOutputStream().close();
                if (!p.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new AssertionError("virtlockd-shell " + cmd + " did not exit within " + TIMEOUT);
                }
            } finally {
                if (p.isAlive()) {
                    p.destroyForcibly().waitFor();
                }
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
