package org.virtlockd.filelock.internal;

/**
 * Constants of Linux on x86_64 and aarch64 (identical on both; other architectures differ for some
 * of them, e.g. O_CLOEXEC on sparc and F_SETLK on 32-bit targets).
 */
final class Posix {

    static final int O_WRONLY = 01;
    static final int O_RDWR = 02;
    static final int O_CREAT = 0100;
    static final int O_CLOEXEC = 02000000;

    static final int F_SETLK = 6;
    static final short F_RDLCK = 0;
    static final short F_WRLCK = 1;
    static final short SEEK_SET = 0;

    static final int S_IFMT = 0170000;
    static final int S_IFDIR = 0040000;

    static final int ENOENT = 2;
    static final int EBADF = 9;
    static final int ESRCH = 3;
    static final int EAGAIN = 11;
    static final int EACCES = 13;
    static final int EEXIST = 17;
    static final int ENOTDIR = 20;
    static final int EINVAL = 22;

    /** Mode of resource files, as libvirt creates them. */
    static final int MODE_FILE = 0600;
    /** Mode of lockspace directories, as libvirt creates them. */
    static final int MODE_DIRECTORY = 0700;

    private Posix() {
    }
}
