package org.virtlockd.itests.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A virtlockd process, ours or libvirt's, started in a {@link Sandbox} as the test user and stopped by the
 * test, by pid, even when the test fails ({@link #close}). The process started is the daemon itself: setpriv
 * and env exec it, and our {@code bin/virtlockd} execs Java.
 */
public final class Daemon implements AutoCloseable {

    /** Which implementation. */
    public enum Kind {
        OURS, LIBVIRT;

        public Path executable() {
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
    private final UserProcess process;

    private Daemon(Kind kind, Sandbox sandbox, UserProcess process) {
        this.kind = kind;
        this.sandbox = sandbox;
        this.process = process;
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
        try (UserProcess p = UserProcess.start(sandbox, List.of(), extraEnvironment, command(kind, args))) {
            int status = p.awaitExit(timeout);
            return new Result(status, p.output());
        }
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
        Daemon d = new Daemon(kind, sandbox, UserProcess.start(sandbox, List.of(), extraEnvironment, command(kind, args)));
        d.awaitSocket();
        return d;
    }

    /**
     * Starts a daemon of {@code kind} through another path to it, such as a symlink (its argv[0], which a
     * re-exec runs again), and waits until its lock socket exists.
     */
    public static Daemon startAt(Path executable, Kind kind, Sandbox sandbox, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(executable.toString());
        cmd.addAll(List.of(args));
        Daemon d = new Daemon(kind, sandbox, UserProcess.start(sandbox, List.of(), Map.of(), cmd));
        d.awaitSocket();
        return d;
    }

    private static List<String> command(Kind kind, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(kind.executable().toString());
        cmd.addAll(List.of(args));
        return cmd;
    }

    private void awaitSocket() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.process().isAlive()) {
                throw new AssertionError(kind + " exited with status " + process.process().exitValue() + " before listening:\n" + output());
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
        return process.process();
    }

    public String output() throws IOException {
        return process.output();
    }

    /** Waits until the daemon's output contains {@code text} (log lines are written asynchronously). */
    public boolean awaitOutput(String text, Duration timeout) throws IOException, InterruptedException {
        return process.awaitOutput(text, timeout);
    }

    /** Sends a signal by pid (through kill(1), as an operator would). */
    public void signal(String name) throws IOException, InterruptedException {
        process.signal(name);
    }

    /** SIGTERM, then waits for the exit; returns the exit status. */
    public int stop() throws IOException, InterruptedException {
        if (process.process().isAlive()) {
            signal("TERM");
        }
        return awaitExit(STOP_TIMEOUT);
    }

    public int awaitExit(Duration timeout) throws InterruptedException {
        try {
            return process.awaitExit(timeout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the daemon whatever state the test left it in: SIGTERM, then SIGKILL after the timeout. */
    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
