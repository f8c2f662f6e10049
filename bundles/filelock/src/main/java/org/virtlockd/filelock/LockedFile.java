package org.virtlockd.filelock;

import java.util.Objects;

/**
 * An open descriptor holding a POSIX record lock on byte 0 of a file. The lock lasts until the
 * descriptor is closed through {@link FileLocks#close(LockedFile)}; closing any other descriptor of
 * the same file in this process would drop it too.
 *
 * @param fd the descriptor number
 * @param path the path the file was opened by, as given
 * @param shared whether a read lock was taken (a write lock otherwise)
 * @param device the file's device number ({@code st_dev}) when it was locked
 * @param inode the file's inode number ({@code st_ino}) when it was locked
 */
public record LockedFile(int fd, String path, boolean shared, long device, long inode) {

    /** Checks the arguments. */
    public LockedFile {
        if (fd < 0) {
            throw new IllegalArgumentException("fd must not be negative, got " + fd);
        }
        Objects.requireNonNull(path, "path");
    }
}
