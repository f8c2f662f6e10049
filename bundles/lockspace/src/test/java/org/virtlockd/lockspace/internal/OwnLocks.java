package org.virtlockd.lockspace.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The POSIX locks this JVM holds on a file, from {@code /proc/locks}: {@code READ 0 0} or {@code WRITE 0 0}. */
final class OwnLocks {

    private OwnLocks() {
    }

    static List<String> on(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        long dev = (Long) Files.getAttribute(file, "unix:dev");
        long ino = (Long) Files.getAttribute(file, "unix:ino");
        long major = ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
        long minor = (dev & 0xff) | ((dev >>> 12) & ~0xffL);
        String id = String.format("%02x:%02x:%d", major, minor, ino);
        String pid = Long.toString(ProcessHandle.current().pid());
        return Files.readAllLines(Path.of("/proc/locks")).stream()
                .map(line -> line.trim().split("\\s+"))
                .filter(f -> f.length >= 8 && "POSIX".equals(f[1]) && f[4].equals(pid) && f[5].equals(id))
                .map(f -> f[3] + " " + f[6] + " " + f[7])
                .collect(Collectors.toList());
    }
}
