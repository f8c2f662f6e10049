package org.virtlockd.itests.reexec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.virtlockd.itests.harness.Cleanups;
import org.virtlockd.itests.harness.LockCalls;
import org.virtlockd.itests.harness.Sandbox;
import org.virtlockd.itests.harness.TestUser;

/**
 * What the re-exec tests share: the symlink a daemon is started through (a re-exec runs that path again, so
 * re-pointing it swaps implementations), detecting that a re-exec happened, waiting until the new image
 * serves, and probing a lock from this (another) process.
 */
final class Restarts {

    /** Start-up of a new image on a loaded 2-core CI machine, with room to spare. */
    static final Duration SERVE_TIMEOUT = Duration.ofSeconds(60);
    static final String STATE_FILE = "virtlockd-restart-exec.json";
    /** Set by our launcher before each exec, in the environment of the next image. */
    static final String COUNT_VARIABLE = "VIRTLOCKD_REEXEC_COUNT";

    private Restarts() {
    }

    /** @return empty files in the sandbox's data directory, owned by the test user (the daemons open them) */
    static List<Path> disks(Sandbox sandbox, String... names) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String name : names) {
            Path f = sandbox.data().resolve(name);
            Files.writeString(f, "");
            TestUser.chown(f);
            files.add(f);
        }
        return files;
    }

    /**
     * The locks the soak and the swap test keep across re-execs, on two holder connections registered for
     * {@code owner}: vm1 holds {@code exclusive} exclusively, {@code shared} shared and the AUTOCREATE lease
     * {@code vm1-lease} in the lockspace {@code space} (created here); vm2 shares {@code shared}. {@code held}
     * names the three files locked. The connections are closed by the cleanups.
     */
    record Holders(LockCalls vm1, LockCalls vm2, List<Path> held) {

        static Holders take(Cleanups cleanups, Sandbox sandbox, long owner, Path exclusive, Path shared, Path space)
                throws Exception {
            LockCalls vm1 = cleanups.add(LockCalls.connect(sandbox.lockSocket()));
            LockCalls vm2 = cleanups.add(LockCalls.connect(sandbox.lockSocket()));
            assertEquals("ok", vm1.register("vm1", 1, owner));
            assertEquals("ok", vm1.acquire("", exclusive.toString(), 0));
            assertEquals("ok", vm1.acquire("", shared.toString(), LockCalls.SHARED));
            assertEquals("ok", vm1.createLockspace(space.toString()));
            assertEquals("ok", vm1.acquire(space.toString(), "vm1-lease", LockCalls.AUTOCREATE));
            assertEquals("ok", vm2.register("vm2", 2, owner));
            assertEquals("ok", vm2.acquire("", shared.toString(), LockCalls.SHARED));
            return new Holders(vm1, vm2, List.of(exclusive, shared, space.resolve("vm1-lease")));
        }
    }

    /** @return a live process to register as lock owner (never a client's own pid), killed by the cleanups */
    static long owner(Cleanups cleanups) throws IOException {
        Process owner = new ProcessBuilder("sleep", "3600").start();
        cleanups.add(() -> owner.destroyForcibly().waitFor());
        return owner.pid();
    }

    /** Creates {@code <sandbox>/virtlockd} pointing at {@code target}, or re-points it atomically. */
    static Path link(Sandbox sandbox, Path target) throws IOException {
        Path link = sandbox.root().resolve("virtlockd");
        Path fresh = sandbox.root().resolve("virtlockd.new");
        Files.deleteIfExists(fresh);
        Files.createSymbolicLink(fresh, target);
        Files.move(fresh, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return link;
    }

    /** @return the program the process runs now ({@code /proc/<pid>/exe}) */
    static Path image(long pid) throws IOException {
        return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "exe"));
    }

    /**
     * @return the re-exec count our launcher passed to the current image, 0 when none, -1 while the process is
     *         between two images (the kernel refuses to read the environment of a process in the middle of exec)
     */
    static int count(long pid) throws IOException {
        byte[] env;
        try {
            env = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
        } catch (IOException e) {
            if (Files.exists(Path.of("/proc", Long.toString(pid)))) {
                return -1;
            }
            throw e;
        }
        for (String entry : new String(env, StandardCharsets.ISO_8859_1).split("\0")) {
            if (entry.startsWith(COUNT_VARIABLE + "=")) {
                return Integer.parseInt(entry.substring(COUNT_VARIABLE.length() + 1));
            }
        }
        return 0;
    }

    /** @return how many descriptors the process has open */
    static int descriptors(long pid) throws IOException {
        try (var fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return (int) fds.count();
        }
    }

    /** Waits until a new connection gets a PONG; fails after {@link #SERVE_TIMEOUT}. */
    static long awaitServing(Sandbox sandbox, Process daemon) throws Exception {
        long start = System.nanoTime();
        long deadline = start + SERVE_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!daemon.isAlive()) {
                throw new AssertionError("the daemon exited with status " + daemon.exitValue());
            }
            try (LockCalls c = LockCalls.connect(sandbox.lockSocket())) {
                if (c.ping(SERVE_TIMEOUT)) {
                    return (System.nanoTime() - start) / 1_000_000;
                }
            } catch (IOException e) {
                // not listening (yet)
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no answer on " + sandbox.lockSocket() + " within " + SERVE_TIMEOUT);
    }

    /** Waits until {@code condition} holds; fails with {@code what} after {@link #SERVE_TIMEOUT}. */
    static void await(String what, Check condition) throws Exception {
        long deadline = System.nanoTime() + SERVE_TIMEOUT.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting: " + what);
            }
            Thread.sleep(5);
        }
    }

    /** A condition polled by {@link #await}. */
    interface Check {
        boolean holds() throws Exception;
    }

    /**
     * Tries, from this process, to take the write lock the daemon should hold on byte 0 of {@code file}
     * (fcntl F_SETLK through the JDK, as any other process would).
     *
     * @return true if the lock was free (it is released again at once)
     */
    static boolean freeForOthers(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock probe = ch.tryLock(0, 1, false);
            if (probe == null) {
                return false;
            }
            probe.release();
            return true;
        }
    }
}
