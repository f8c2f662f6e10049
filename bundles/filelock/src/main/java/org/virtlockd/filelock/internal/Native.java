package org.virtlockd.filelock.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.LibraryOption;
import jnr.ffi.Runtime;
import org.virtlockd.api.LockException;
import org.virtlockd.api.RawStrings;

/**
 * Access to the C library, loaded on first use (loading costs a few hundred milliseconds, which a
 * daemon that never locks anything should not pay), plus the helpers every call needs.
 */
final class Native {

    /** Bytes reserved for a {@code struct stat} (144 on x86_64, 128 on aarch64). */
    static final int STAT_BUFFER = 256;
    private static final int OFFSET_DEVICE = 0;
    private static final int OFFSET_INODE = 8;

    private Native() {
    }

    /** Holder idiom: the class initialises, and the library loads, at the first call. */
    private static final class Loaded {
        static final int OFFSET_MODE = modeOffset(System.getProperty("os.name"), System.getProperty("os.arch"));
        static final LibC LIBC = LibraryLoader.create(LibC.class).option(LibraryOption.SaveError, true).load("c");
        static final Runtime RUNTIME = Runtime.getRuntime(LIBC);
    }

    static int modeOffset(String os, String arch) {
        if ("Linux".equals(os) && ("amd64".equals(arch) || "x86_64".equals(arch))) {
            return 24;
        }
        if ("Linux".equals(os) && "aarch64".equals(arch)) {
            return 16;
        }
        throw new IllegalStateException("the native lock binding supports Linux on amd64 and aarch64, not "
                + os + " on " + arch);
    }

    static LibC libc() {
        return Loaded.LIBC;
    }

    static Runtime runtime() {
        return Loaded.RUNTIME;
    }

    /** @return the errno saved by the last call of this thread */
    static int errno() {
        return LastError.getLastError(Loaded.RUNTIME);
    }

    /**
     * @return the path's raw bytes ({@link RawStrings#toBytes}: escape characters become the bytes they
     *     stand for), NUL-terminated; C sees it up to its first NUL
     */
    static byte[] path(String path) {
        byte[] bytes = RawStrings.toBytes(path);
        return Arrays.copyOf(bytes, bytes.length + 1);
    }

    static String strerror(int errno) {
        String text = Loaded.LIBC.strerror(errno);
        return text != null ? text : "Unknown error " + errno;
    }

    /** A libvirt system error: the detail, the errno and the C library's text for it. */
    static LockException systemError(int domain, int errno, String detail) {
        return LockException.system(domain, errno, strerror(errno), detail);
    }

    static FileStatus stat(String path) {
        byte[] buffer = new byte[STAT_BUFFER];
        return Loaded.LIBC.stat(path(path), buffer) < 0 ? FileStatus.failed(errno()) : status(buffer);
    }

    static FileStatus fstat(int fd) {
        byte[] buffer = new byte[STAT_BUFFER];
        return Loaded.LIBC.fstat(fd, buffer) < 0 ? FileStatus.failed(errno()) : status(buffer);
    }

    private static FileStatus status(byte[] buffer) {
        ByteBuffer stat = ByteBuffer.wrap(buffer).order(ByteOrder.nativeOrder());
        return new FileStatus(0, stat.getLong(OFFSET_DEVICE), stat.getLong(OFFSET_INODE),
                stat.getInt(Loaded.OFFSET_MODE));
    }

    /** Closes a descriptor, ignoring errors as libvirt's VIR_FORCE_CLOSE does. */
    static void closeQuietly(int fd) {
        Loaded.LIBC.close(fd);
    }
}
