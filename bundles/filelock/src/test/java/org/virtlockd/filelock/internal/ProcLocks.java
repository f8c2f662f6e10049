package org.virtlockd.filelock.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Reads the kernel's list of file locks, {@code /proc/locks}. */
final class ProcLocks {

    private ProcLocks() {
    }

    /**
     * @return the locks a pid holds on a file, each as {@code "POSIX ADVISORY READ|WRITE <start> <end>"}
     */
    static List<String> of(long pid, Path file) throws IOException {
        return of(pid, (Long) Files.getAttribute(file, "unix:dev"), (Long) Files.getAttribute(file, "unix:ino"));
    }

    /** As {@link #of(long, Path)}, for a file given by {@code st_dev} and {@code st_ino}. */
    static List<String> of(long pid, long dev, long ino) throws IOException {
        long major = ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
        long minor = (dev & 0xff) | ((dev >>> 12) & ~0xffL);
        String id = String.format("%02x:%02x:%d", major, minor, ino);
        return Files.readAllLines(Path.of("/proc/locks")).stream()
                .map(line -> line.trim().split("\\s+"))
                .filter(f -> f.length >= 8 && !"->".equals(f[1]) && f[4].equals(Long.toString(pid)) && f[5].equals(id))
                .map(f -> f[1] + " " + f[2] + " " + f[3] + " " + f[6] + " " + f[7])
                .collect(Collectors.toList());
    }
}
