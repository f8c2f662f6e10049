package org.virtlockd.filelock;

import org.osgi.annotation.versioning.ProviderType;
import org.virtlockd.api.LockException;

/**
 * File operations behind virtlockd's lockspaces, with libvirt's semantics and error texts. Every
 * descriptor is opened close-on-exec. Failures are {@link LockException}s: system errors carry errno
 * and the C library's text.
 */
@ProviderType
public interface FileLocks {

    /**
     * Opens the file ({@code O_RDWR}, or {@code O_RDWR|O_CREAT} mode 0600 with autocreate) and takes
     * a non-blocking lock on byte 0, length 1: a read lock if shared, a write lock otherwise. With
     * autocreate, retries until the locked file is still the one at {@code path} (same inode).
     *
     * @param path the file
     * @param name the resource name, for the "is locked" text
     * @param shared whether to take a read lock
     * @param autocreate whether to create the file if missing
     * @return the held lock
     * @throws LockException code 87 domain 51 {@code Lockspace resource '<name>' is locked} if another
     *     process holds a conflicting lock; system errors in domain 51 {@code Unable to open resource
     *     <path>}, {@code Unable to open/create resource <path>}, {@code Unable to acquire lock on
     *     '<path>'}
     */
    LockedFile acquire(String path, String name, boolean shared, boolean autocreate);

    /**
     * Tries to turn the lock into a write lock without waiting.
     *
     * @param file a held lock
     * @return whether the write lock was obtained (false if another process still shares the file)
     */
    boolean tryUpgrade(LockedFile file);

    /**
     * Closes the descriptor, which drops the lock. Errors are ignored, as there is nothing to do.
     *
     * @param file a held lock; it must not be used afterwards
     */
    void close(LockedFile file);

    /**
     * Takes over a descriptor that already holds a lock, e.g. one inherited across a re-exec. Makes
     * no system call other than {@code fstat} to check the descriptor.
     *
     * @param fd the inherited descriptor
     * @param path the path it was opened by
     * @param shared whether the lock it holds is a read lock
     * @return the held lock
     * @throws LockException a system error in domain 51 if the descriptor is not open
     */
    LockedFile adopt(int fd, String path, boolean shared);

    /**
     * Creates the file if missing ({@code O_WRONLY|O_CREAT}, mode 0600) and closes it again. A file
     * this process holds a lock on is left alone, since opening and closing it would drop the lock.
     *
     * @param path the file
     * @throws LockException a system error in domain 0 {@code cannot create file '<path>'}
     */
    void touch(String path);

    /**
     * Deletes the file; a missing file counts as success.
     *
     * @param path the file
     * @throws LockException a system error in domain 51 {@code Unable to delete lockspace resource
     *     <path>}
     */
    void unlink(String path);

    /**
     * Makes sure a lockspace directory exists: an existing directory is left as it is, a missing
     * one is created with its missing parents, mode 0700 (less the umask).
     *
     * @param path the directory
     * @throws LockException code 1 domain 51 {@code Lockspace location <path> exists, but is not a
     *     directory}; a system error in domain 51 {@code Unable to create lockspace <path>}
     */
    void createDirectory(String path);
}
