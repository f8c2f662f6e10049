package org.virtlockd.itests.osgi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What the kernel says about a file's POSIX record locks ({@code /proc/locks}): the proof that a lease
 * is a real fcntl lock held by this JVM, the one libvirt's daemon and ours would see.
 */
final class FcntlState {

    private FcntlState() {
    }

    /**
     * @param file a file
     * @return {@code WRITE} or {@code READ} for a POSIX lock of this process on byte 0 of the file, else
     *     {@code none}; {@code none} also when the file does not exist
     */
    static String ofThisProcess(Path file) {
        try {
            if (!Files.exists(file)) {
                return "none";
            }
            String inode = Files.readAttributes(file, BasicFileAttributes.class).fileKey().toString();
            long ino = Long.parseLong(inode.replaceAll(".*ino=(\\d+).*", "$1"));
            long pid = ProcessHandle.current().pid();
            for (String line : Files.readAllLines(Path.of("/proc/locks"))) {
                // "1: POSIX  ADVISORY  WRITE 1234 08:01:56789 0 0"
                String[] f = line.trim().split("\\s+");
                if (f.length >= 8 && f[1].equals("POSIX") && Long.parseLong(f[4]) == pid
                        && f[5].endsWith(":" + ino) && f[6].equals("0") && f[7].equals("0")) {
                    return f[3];
                }
            }
            return "none";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
