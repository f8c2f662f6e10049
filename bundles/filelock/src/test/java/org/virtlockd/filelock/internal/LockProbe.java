package org.virtlockd.filelock.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;

/**
 * Runs in a separate JVM: tries a POSIX record lock on byte 0, length 1 of a file (what
 * {@code FileChannel.tryLock(0, 1, shared)} does is {@code fcntl(F_SETLK)} on that range), prints
 * {@code locked} or {@code busy}, and with {@code hold} keeps the lock until its stdin ends.
 */
public final class LockProbe {

    private LockProbe() {
    }

    public static void main(String[] args) throws IOException {
        boolean shared = "shared".equals(args[0]);
        boolean hold = "hold".equals(args[1]);
        try (RandomAccessFile file = new RandomAccessFile(args[2], "rw");
                FileChannel channel = file.getChannel()) {
            FileLock lock = channel.tryLock(0, 1, shared);
            System.out.println(lock == null ? "busy" : "locked");
            System.out.flush();
            if (lock != null && hold) {
                while (System.in.read() >= 0) {
                    // hold until the test closes our stdin
                }
            }
        }
    }
}
