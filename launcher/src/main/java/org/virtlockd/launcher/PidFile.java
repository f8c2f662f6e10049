package org.virtlockd.launcher;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The pid file exactly as libvirt's {@code virPidFileAcquirePath} takes it: {@code open(O_WRONLY|O_CREAT, 0644)}
 * with close-on-exec, a non-blocking fcntl write lock on byte 0 (length 1), a check that the path still names
 * the locked inode (else retry), then the decimal pid without newline. Because ours and libvirt's lock the same
 * byte the same way, the two daemons exclude each other. Released by unlinking, then closing.
 */
final class PidFile implements AutoCloseable {

    /** Attempts before giving up when the file keeps being replaced under us. */
    private static final int MAX_ATTEMPTS = 100;

    private final Path path;
    private final int fd;

    private PidFile(Path path, int fd) {
        this.path = path;
        this.fd = fd;
    }

    /** A pid file that could not be acquired; the message is libvirt's. */
    static final class PidFileException extends Exception {
        private static final long serialVersionUID = 1L;

        PidFileException(String message) {
            super(message);
        }
    }

    static PidFile acquire(Path path, long pid) throws PidFileException {
        LibC c = LibC.Holder.C;
        String p = path.toString();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            int fd = c.open(p, LibC.O_WRONLY | LibC.O_CREAT | LibC.O_CLOEXEC, 0644);
            if (fd < 0) {
                throw failure("Failed to open pid file '" + p + "'");
            }
            byte[] opened = new byte[LibC.STAT_SIZE];
            if (c.fstat(fd, opened) < 0) {
                throw closeAndFail(fd, "Unable to check status of pid file '" + p + "'");
            }
            if (c.fcntl(fd, LibC.F_SETLK, writeLockOnFirstByte()) < 0) {
                throw closeAndFail(fd, "Failed to acquire pid file '" + p + "'");
            }
            byte[] now = new byte[LibC.STAT_SIZE];
            if (c.stat(p, now) < 0 || !sameFile(opened, now)) {
                c.close(fd);
                continue;
            }
            byte[] text = Long.toString(pid).getBytes(StandardCharsets.US_ASCII);
            if (c.ftruncate(fd, 0) < 0) {
                throw closeAndFail(fd, "Failed to truncate pid file '" + p + "'");
            }
            if (c.write(fd, text, text.length) != text.length) {
                throw closeAndFail(fd, "Failed to write to pid file '" + p + "'");
            }
            return new PidFile(path, fd);
        }
        throw new PidFileException("Failed to acquire pid file '" + p + "': it keeps being replaced");
    }

    private static byte[] writeLockOnFirstByte() {
        ByteBuffer b = ByteBuffer.allocate(LibC.FLOCK_SIZE).order(ByteOrder.nativeOrder());
        b.putShort(0, LibC.F_WRLCK); // l_type
        b.putShort(2, (short) 0);     // l_whence = SEEK_SET
        b.putLong(8, 0);              // l_start
        b.putLong(16, 1);             // l_len
        return b.array();
    }

    /** st_dev and st_ino are the first two 64-bit words of struct stat on 64-bit Linux. */
    private static boolean sameFile(byte[] a, byte[] b) {
        ByteBuffer x = ByteBuffer.wrap(a).order(ByteOrder.nativeOrder());
        ByteBuffer y = ByteBuffer.wrap(b).order(ByteOrder.nativeOrder());
        return x.getLong(0) == y.getLong(0) && x.getLong(8) == y.getLong(8);
    }

    private static PidFileException closeAndFail(int fd, String what) {
        PidFileException e = failure(what);
        LibC.Holder.C.close(fd);
        return e;
    }

    private static PidFileException failure(String what) {
        int errno = LibC.Holder.errno();
        return new PidFileException(what + ": " + LibC.Holder.C.strerror(errno));
    }

    Path path() {
        return path;
    }

    /** Unlinks, then closes (which drops the lock), as libvirt does on a normal exit. */
    @Override
    public void close() {
        LibC.Holder.C.unlink(path.toString());
        LibC.Holder.C.close(fd);
    }
}
