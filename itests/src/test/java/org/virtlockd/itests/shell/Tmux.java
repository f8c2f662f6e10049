package org.virtlockd.itests.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.virtlockd.itests.harness.TestUser;

/**
 * A private tmux server (its own socket) running one program in a detached session on a pseudo-terminal:
 * the test types with {@code send-keys} and reads the screen with {@code capture-pane}. {@link #close}
 * kills the pane's program and the server by pid, then the server by its socket.
 */
final class Tmux implements AutoCloseable {

    static final String SESSION = "shell";
    static final Duration WAIT = Duration.ofSeconds(20);

    private final Path socket;
    private final List<Long> pids = new ArrayList<>();

    private Tmux(Path socket) {
        this.socket = socket;
    }

    /** Starts {@code command} (program and arguments, no shell) in a {@code columns} x {@code rows} window. */
    static Tmux start(Path socket, int columns, int rows, List<String> command) throws IOException, InterruptedException {
        TestUser.requireTool("/usr/bin/tmux", "tmux");
        Tmux t = new Tmux(socket);
        List<String> args = new ArrayList<>(List.of("new-session", "-d", "-s", SESSION, "-x", Integer.toString(columns),
                "-y", Integer.toString(rows), "--"));
        args.addAll(command);
        t.tmux(args.toArray(String[]::new));
        t.pids.add(Long.parseLong(t.tmux("display-message", "-p", "-t", SESSION, "#{pid}").strip()));
        t.pids.add(Long.parseLong(t.tmux("display-message", "-p", "-t", SESSION, "#{pane_pid}").strip()));
        return t;
    }

    /** Types keys: literal text or tmux key names such as {@code Enter}, {@code Tab}, {@code Up}, {@code C-d}. */
    void keys(String... keys) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", SESSION));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    /** @return the visible screen and its scrollback, trailing blank lines removed */
    String screen() throws IOException, InterruptedException {
        return tmux("capture-pane", "-p", "-J", "-S", "-1000", "-t", SESSION).stripTrailing();
    }

    /** Waits until the screen satisfies {@code condition}; returns it, or fails with the last screen. */
    String await(String what, Predicate<String> condition) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String screen = screen();
        while (!condition.test(screen)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the terminal never showed " + what + ":\n" + screen);
            }
            Thread.sleep(50);
            screen = screen();
        }
        return screen;
    }

    /** @return whether the session (and so the program in it) still exists */
    boolean running() throws InterruptedException, IOException {
        return run("has-session", "-t", SESSION).exitValue() == 0;
    }

    /** @return the program's pid in the pane, as tmux reported it at start */
    long panePid() {
        return pids.get(1);
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        Process p = run(args);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new AssertionError("tmux " + List.of(args) + " failed: " + out);
        }
        return out;
    }

    private Process run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/tmux", "-S", socket.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!p.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("tmux " + List.of(args) + " did not finish");
        }
        return p;
    }

    @Override
    public void close() throws InterruptedException, IOException {
        for (int i = pids.size() - 1; i >= 0; i--) {
            Optional<ProcessHandle> h = ProcessHandle.of(pids.get(i));
            if (h.isPresent() && h.get().isAlive()) {
                h.get().destroy();
                try {
                    h.get().onExit().get(5, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    h.get().destroyForcibly();
                }
            }
        }
        run("kill-server");
    }
}
