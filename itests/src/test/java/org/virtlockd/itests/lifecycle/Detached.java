package org.virtlockd.itests.lifecycle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.virtlockd.itests.harness.Daemon;
import org.virtlockd.itests.harness.UserProcess;

/**
 * A daemon that detached itself ({@code -d}): not a child of the test JVM, known only by the pid in its pid
 * file. Its exit status is not observable; it is stopped by pid, with SIGKILL if SIGTERM does not do.
 */
final class Detached implements AutoCloseable {

    final long pid;

    private Detached(long pid) {
        this.pid = pid;
    }

    static Detached fromPidFile(Path pidFile) throws IOException {
        return new Detached(Long.parseLong(Files.readString(pidFile).trim()));
    }

    boolean alive() throws IOException {
        return ProcStat.alive(pid);
    }

    void signal(String name) throws IOException, InterruptedException {
        UserProcess.Signals.send(pid, name);
    }

    /** Polls until the process is gone; returns whether that happened in time. */
    boolean awaitGone(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (alive()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (!alive()) {
            return;
        }
        signal("TERM");
        if (!awaitGone(Daemon.STOP_TIMEOUT)) {
            signal("KILL");
            awaitGone(Duration.ofSeconds(5));
        }
    }
}
