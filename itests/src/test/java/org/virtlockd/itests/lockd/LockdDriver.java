package org.virtlockd.itests.lockd;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.virtlockd.itests.harness.Sandbox;
import org.virtlockd.itests.harness.TestUser;

/**
 * The C driver {@code src/test/c/lockd-driver.c}, which loads libvirt's {@code lockd.so} and calls it as
 * libvirt's QEMU driver does. Built once per test run with gcc into {@code target/}; each instance runs it as
 * the test user in a sandbox's environment and talks to it one command line, one answer line at a time.
 */
final class LockdDriver implements AutoCloseable {

    static final String PLUGIN = "/usr/lib/x86_64-linux-gnu/libvirt/lock-driver/lockd.so";
    /** Longest a plugin call may take: the client retries a missing socket for 5 s, the holder rule 3 s. */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    /** Autostart would hide a missing daemon: the plugin spawns $VIRTLOCKD_PATH, which here cannot start. */
    private static final String NO_AUTOSTART = "/bin/false";

    private static Path binary;

    private final Process process;
    private final Writer in;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final Path errors;

    private LockdDriver(Process process, Path errors) {
        this.process = process;
        this.errors = errors;
        this.in = process.outputWriter(StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readAnswers, "lockd-driver-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Compiles the driver unless an up-to-date binary exists; fails naming the missing package. */
    static synchronized Path build() throws IOException, InterruptedException {
        if (binary != null) {
            return binary;
        }
        TestUser.requireTool("/usr/bin/gcc", "gcc");
        require("/usr/include/libvirt/virterror.h", "libvirt-dev");
        require("/usr/lib/x86_64-linux-gnu/libvirt.so", "libvirt-dev");
        require(PLUGIN, "libvirt-daemon");
        Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        Path source = module.resolve("src/test/c/lockd-driver.c");
        Path out = module.resolve("target/lockd-driver");
        Files.createDirectories(out.getParent());
        List<String> gcc = List.of("/usr/bin/gcc", "-O2", "-Wall", "-o", out.toString(), source.toString(), "-ldl", "-lvirt");
        Process p = new ProcessBuilder(gcc).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new AssertionError("gcc could not build " + source + " (needs Debian packages gcc and libvirt-dev):\n" + log);
        }
        binary = out;
        return out;
    }

    private static void require(String path, String debianPackage) {
        if (!Files.exists(Path.of(path))) {
            throw new AssertionError("the lockd driver needs " + path + " (Debian package " + debianPackage + ")");
        }
    }

    /** Runs the driver as the test user with the sandbox's XDG variables: it talks to that sandbox's daemon. */
    static LockdDriver start(Sandbox sandbox) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(TestUser.setpriv());
        cmd.add("/usr/bin/env");
        cmd.add("-i");
        sandbox.environment().forEach((k, v) -> cmd.add(k + "=" + v));
        cmd.add("VIRTLOCKD_PATH=" + NO_AUTOSTART);
        cmd.add(build().toString());
        Path errors = sandbox.root().resolve("lockd-driver-" + System.nanoTime() + ".err");
        Process p = new ProcessBuilder(cmd).directory(sandbox.root().toFile()).redirectError(errors.toFile()).start();
        return new LockdDriver(p, errors);
    }

    private void readAnswers() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                answers.add(line);
            }
        } catch (IOException e) {
            answers.add("error -1 -1 reading the driver: " + e);
        }
    }

    /** Sends one command and returns the driver's one-line answer ("ok ..." or "error CODE DOMAIN MESSAGE"). */
    String call(String command) throws IOException, InterruptedException {
        in.write(command + "\n");
        in.flush();
        String answer = answers.poll(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (answer == null) {
            throw new AssertionError("lockd-driver gave no answer to '" + command + "' within " + ANSWER_TIMEOUT + diagnostics());
        }
        return answer;
    }

    /** Sends a command that must succeed; returns the answer's detail after "ok". */
    String ok(String command) throws IOException, InterruptedException {
        String answer = call(command);
        if (!answer.equals("ok") && !answer.startsWith("ok ")) {
            throw new AssertionError("'" + command + "' failed: " + answer + diagnostics());
        }
        return answer.substring(2).trim();
    }

    /** The holder ("QEMU") pid of a started guest, from "ok pid N". */
    long holderPid(String domain) throws IOException, InterruptedException {
        return Long.parseLong(ok("pid " + domain).substring("pid ".length()));
    }

    private String diagnostics() throws IOException {
        String err = Files.exists(errors) ? Files.readString(errors) : "";
        return err.isEmpty() ? "" : "\ndriver stderr:\n" + err;
    }

    /** Quits (the driver kills its holders) or, failing that, kills the driver; holders die with it. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (process.isAlive()) {
            try {
                in.write("quit\n");
                in.close();
            } catch (IOException e) {
                // already gone
            }
            if (!process.waitFor(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
