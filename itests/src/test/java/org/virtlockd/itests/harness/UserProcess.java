package org.virtlockd.itests.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Any command run as the test user with the {@link Sandbox}'s environment plus extra variables, optionally
 * behind a wrapper that runs as root first (for example {@code prlimit}); setpriv, env and the wrapper exec,
 * so the pid is the command's. Combined stdout and stderr go to a file. Stopped by pid on {@link #close}.
 */
public final class UserProcess implements AutoCloseable {

    private final Process process;
    private final Path output;

    private UserProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /**
     * @param sandbox whose environment and directory the command gets
     * @param wrapper a root command prefix that execs its arguments, or an empty list
     * @param extraEnv variables added to (or replacing) the sandbox's
     * @param command the program and its arguments
     */
    public static UserProcess start(Sandbox sandbox, List<String> wrapper, Map<String, String> extraEnv,
                                    List<String> command) throws IOException {
        List<String> cmd = new ArrayList<>(wrapper);
        cmd.addAll(TestUser.setpriv());
        cmd.add("/usr/bin/env");
        cmd.add("-i");
        environment(sandbox, extraEnv).forEach((k, v) -> cmd.add(k + "=" + v));
        cmd.addAll(command);
        Path output = sandbox.root().resolve("process-" + System.nanoTime() + ".log");
        Process p = new ProcessBuilder(cmd).directory(sandbox.root().toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        p.getOutputStream().close();
        return new UserProcess(p, output);
    }

    /** The sandbox's environment with {@code extraEnv} on top. */
    public static Map<String, String> environment(Sandbox sandbox, Map<String, String> extraEnv) {
        Map<String, String> env = new LinkedHashMap<>(sandbox.environment());
        env.putAll(extraEnv);
        return env;
    }

    public long pid() {
        return process.pid();
    }

    public Process process() {
        return process;
    }

    /** The output so far, decoded leniently: a daemon may log bytes that are not UTF-8 (raw path names). */
    public String output() throws IOException {
        return Files.exists(output) ? new String(Files.readAllBytes(output), StandardCharsets.UTF_8) : "";
    }

    /** Waits until the output contains {@code text}. */
    public boolean awaitOutput(String text, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (output().contains(text)) {
                return true;
            }
            Thread.sleep(20);
        }
        return output().contains(text);
    }

    /** Sends a signal by pid through kill(1). */
    public void signal(String name) throws IOException, InterruptedException {
        Signals.send(pid(), name);
    }

    /** Waits for the exit and returns the status; fails (after killing it) when it takes longer. */
    public int awaitExit(Duration timeout) throws InterruptedException, IOException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("pid " + pid() + " did not exit within " + timeout + ":\n" + output());
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(Daemon.STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** kill(1) by pid, for processes that are not children of the test JVM too. */
    public static final class Signals {
        private Signals() {
        }

        public static void send(long pid, String name) throws IOException, InterruptedException {
            Process k = new ProcessBuilder("/bin/kill", "-" + name, Long.toString(pid)).inheritIO().start();
            if (k.waitFor() != 0) {
                throw new AssertionError("kill -" + name + " " + pid + " failed");
            }
        }
    }
}
