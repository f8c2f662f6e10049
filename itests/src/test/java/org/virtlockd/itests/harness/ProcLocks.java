package org.virtlockd.itests.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The kernel's table of file locks ({@code /proc/locks}), to check which process holds which kind of lock on
 * which byte of which file. A line reads {@code 3: POSIX  ADVISORY  WRITE 5235 fe:00:2148559 0 0}: class,
 * mode, type, owning pid (the process, not the thread), device as hex {@code major:minor} and decimal inode,
 * first and last byte ({@code EOF} for a lock to the end). Waiters ({@code ->}) are ignored.
 */
public final class ProcLocks {

    private static final Path TABLE = Path.of("/proc/locks");

    /** One granted lock. */
    public record Lock(String lockClass, String type, long pid, FileKey file, String start, String end) {

        /** A POSIX record lock on byte 0 only, as virtlockd takes ({@code l_start=0, l_len=1}). */
        public boolean isPosixByteZero() {
            return lockClass.equals("POSIX") && start.equals("0") && end.equals("0");
        }
    }

    /** A file as {@code /proc/locks} names it; stays valid after the file is unlinked. */
    public record FileKey(String device, long inode) {

        public static FileKey of(Path file) throws IOException {
            long dev = (Long) Files.getAttribute(file, "unix:dev");
            long ino = (Long) Files.getAttribute(file, "unix:ino");
            long major = ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
            long minor = (dev & 0xff) | ((dev >>> 12) & ~0xffL);
            return new FileKey(String.format("%02x:%02x", major, minor), ino);
        }
    }

    private ProcLocks() {
    }

    /** Every granted lock at this moment. */
    public static List<Lock> read() throws IOException {
        List<Lock> locks = new ArrayList<>();
        for (String line : Files.readAllLines(TABLE)) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 8 || f[1].equals("->")) {
                continue;
            }
            int cut = f[5].lastIndexOf(':');
            FileKey key = new FileKey(f[5].substring(0, cut), Long.parseLong(f[5].substring(cut + 1)));
            locks.add(new Lock(f[1], f[3], Long.parseLong(f[4]), key, f[6], f[7]));
        }
        return locks;
    }

    /** The lock {@code pid} holds on {@code file}, if any. */
    public static Optional<Lock> held(long pid, FileKey file) throws IOException {
        return read().stream().filter(l -> l.pid() == pid && l.file().equals(file)).findFirst();
    }

    /** The lock type ({@code READ} or {@code WRITE}) {@code pid} holds on byte 0 of {@code file}, or "none". */
    public static String byteZero(long pid, FileKey file) throws IOException {
        Optional<Lock> l = held(pid, file);
        if (l.isEmpty()) {
            return "none";
        }
        return l.get().isPosixByteZero() ? l.get().type() : "unexpected " + l.get();
    }

    /** Polls until {@code pid} holds no lock on {@code file}; returns whether that happened in time. */
    public static boolean awaitReleased(long pid, FileKey file, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (held(pid, file).isPresent()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }
}
