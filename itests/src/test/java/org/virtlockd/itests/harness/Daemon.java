package org.virtlockd.itests.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A virtlockd process, ours or libvirt's, started in a {@link Sandbox} as the test user and stopped by the
 * test, by pid, even when the test fails ({@link #close}). The process started is the daemon itself: setpriv
 * and env exec it, and our {@code bin/virtlockd} execs Java.
 */
public final class Daemon implements AutoCloseable {

    /** Which implementation. */
    public enum Kind {
        OURS, LIBVIRT;

        Path executable() {
            if (this == LIBVIRT) {
                TestUser.requireTool("/usr/sbin/virtlockd", "libvirt-daemon");
                return Path.of("/usr/sbin/virtlockd");
            }
            return distribution().resolve("bin/virtlockd");
        }
    }

    /** Start-up may include JIT warm-up on a loaded CI machine. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(35);

    private final Kind kind;
    private final Sandbox sandbox;
    private final Process process;
    private final Path output;

    private Daemon(Kind kind, Sandbox sandbox, Process process, Path output) {
        this.kind = kind;
        this.sandbox = sandbox;
        this.process = process;
        this.output = output;
    }

    /** The distribution built by the launcher module ({@code launcher/target/virtlockd}). */
    public static Path distribution() {
        String dist = System.getProperty("virtlockd.dist");
        if (dist == null) {
            throw new AssertionError("system property virtlockd.dist is not set (run the tests through Maven)");
        }
        Path p = Path.of(dist).toAbsolutePath().normalize();
        if (!Files.isExecutable(p.resolve("bin/virtlockd"))) {
            throw new AssertionError("no distribution at " + p + ": build it with mvn package first");
        }
        return p;
    }

    /** Runs the command to completion as the test user (for exit-status tests); returns status and output. */
    public static Result runToExit(Kind kind, Sandbox sandbox, Duration timeout, String... args) throws IOException, InterruptedException {
        return runToExit(kind, sandbox, Map.of(), timeout, args);
    }

    /** {@link #runToExit(Kind, Sandbox, Duration, String...)} with variables added to the sandbox's environment. */
    public static Result runToExit(Kind kind, Sandbox sandbox, Map<String, String> extraEnvironment, Duration timeout,
            String... args) throws IOException, InterruptedException {
        Process p = builder(kind, sandbox, extraEnvironment, args).redirectErrorStream(true).start();
        p.getOutputStream().close();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError(kind + " " + List.of(args) + " did not exit within " + timeout);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.exitValue(), out);
    }

    /** Exit status and combined stdout/stderr of a finished run. */
    public record Result(int status, String output) {
    }

    /** Starts the daemon and waits until its lock socket exists. */
    public static Daemon start(Kind kind, Sandbox sandbox, String... args) throws IOException, InterruptedException {
        return start(kind, sandbox, Map.of(), args);
    }

    /** {@link #start(Kind, Sandbox, String...)} with variables added to the sandbox's environment. */
    public static Daemon start(Kind kind, Sandbox sandbox, Map<String, String> extraEnvironment, String... args)
            throws IOException, InterruptedException {
        Path output = sandbox.root().resolve(kind.name().toLowerCase() + "-" + System.nanoTime() + ".log");
        Process p = builder(kind, sandbox, extraEnvironment, args).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        p.getOutputStream().close();
        Daemon d = new Daemon(kind, sandbox, p, output);
        d.awaitSocket();
        return d;
    }

    private static ProcessBuilder builder(Kind kind, Sandbox sandbox, Map<String, String> extraEnvironment, String... args) {
        List<String> cmd = new ArrayList<>(TestUser.setpriv());
        cmd.add("/usr/bin/env");
        cmd.add("-i");
        sandbox.environment().forEach((k, v) -> cmd.add(k + "=" + v));
        extraEnvironment.forEach((k, v) -> cmd.add(k + "=" + v));
        cmd.add(kind.executable().toString());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(sandbox.root().toFile());
    }

    private void awaitSocket() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(kind + " exited with status " + process.exitValue() + " before listening:\n" + output());
            }
            if (Files.exists(sandbox.lockSocket()) && Files.exists(sandbox.adminSocket())) {
                return;
            }
            Thread.sleep(20);
        }
        close();
        throw new AssertionError(kind + " did not listen within " + START_TIMEOUT + ":\n" + output());
    }

    public Kind kind() {
        return kind;
    }

    public long pid() {
        return process.pid();
    }

    public Process process() {
        return process;
    }

    public String output() throws IOException {
        return Files.exists(output) ? Files.readString(output) : "";
    }

    /** Waits until the daemon's output contains {@code text} (log lines are written asynchronously). */
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

    /** Sends a signal by pid (through kill(1), as an operator would). */
    public void signal(String name) throws IOException, InterruptedException {
        Process k = new ProcessBuilder("/bin/kill", "-" + name, Long.toString(pid())).inheritIO().start();
        if (k.waitFor() != 0) {
            throw new AssertionError("kill -" + name + " " + pid() + " failed");
        }
    }

    /** SIGTERM, then waits for the exit; returns the exit status. */
    public int stop() throws IOException, InterruptedException {
        if (process.isAlive()) {
            signal("TERM");
        }
        return awaitExit(STOP_TIMEOUT);
    }

    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(kind + " (pid " + pid() + ") did not exit within " + timeout);
        }
        return process.exitValue();
    }

    /** Stops the daemon whatever state the test left it in: SIGTERM, then SIGKILL after the timeout. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
