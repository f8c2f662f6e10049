package org.virtlockd.filelock.internal;

/**
 * What virtlockd needs of a {@code struct stat}, or the errno of a failed stat.
 *
 * @param errno 0 on success, else the errno of the failed call
 * @param device {@code st_dev}
 * @param inode {@code st_ino}
 * @param mode {@code st_mode}
 */
record FileStatus(int errno, long device, long inode, int mode) {

    static FileStatus failed(int errno) {
        return new FileStatus(errno, 0, 0, 0);
    }

    boolean ok() {
        return errno == 0;
    }

    boolean isDirectory() {
        return ok() && (mode & Posix.S_IFMT) == Posix.S_IFDIR;
    }

    FileKey key() {
        return new FileKey(device, inode);
    }

    /** Identity of a file in this host: device and inode. */
    record FileKey(long device, long inode) {
    }
}
