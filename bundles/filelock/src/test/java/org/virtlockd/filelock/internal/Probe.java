package org.virtlockd.filelock.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Another process taking POSIX locks on a file, through {@link LockProbe}. */
final class Probe implements AutoCloseable {

    private final Process process;
    private final String result;

    private Probe(Process process, String result) {
        this.process = process;
        this.result = result;
    }

    /** Tries a lock in another process and returns {@code locked} or {@code busy}. */
    static String tryLock(Path file, boolean shared) throws IOException, InterruptedException {
        try (Probe probe = start(file, shared, false)) {
            return probe.result();
        }
    }

    /** Takes a lock in another process and keeps it until {@link #close()}. */
    static Probe hold(Path file, boolean shared) throws IOException, InterruptedException {
        return start(file, shared, true);
    }

    private static Probe start(Path file, boolean shared, boolean hold) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classes(),
                LockProbe.class.getName(), shared ? "shared" : "exclusive", hold ? "hold" : "try", file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null) {
            process.waitFor(10, TimeUnit.SECONDS);
            throw new IOException("lock probe printed nothing, exit status " + process.exitValue());
        }
        return new Probe(process, line);
    }

    private static String classes() {
        try {
            return Path.of(LockProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    String result() {
        return result;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws IOException {
        process.getOutputStream().close();
        try {
            if (process.waitFor(10, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
        throw new IOException("lock probe did not end");
    }
}
