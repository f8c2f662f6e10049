package org.virtlockd.filelock.internal;

import static org.virtlockd.api.LibvirtErrors.ERR_RESOURCE_BUSY;
import static org.virtlockd.api.LibvirtErrors.FROM_LOCKSPACE;
import static org.virtlockd.api.LibvirtErrors.FROM_NONE;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;
import org.virtlockd.api.LockException;
import org.virtlockd.filelock.FileLocks;
import org.virtlockd.filelock.LockedFile;
import org.virtlockd.filelock.internal.FileStatus.FileKey;

/**
 * {@link FileLocks} on the C library: libvirt's {@code virLockSpaceResourceNew}, {@code virFileLock}
 * and {@code virFileTouch}. Remembers which files (device and inode) it holds locks on, so that a
 * touch never opens and closes one of them; immediate, so that this memory lives as long as the bundle.
 */
@Component(service = FileLocks.class, immediate = true)
public final class NativeFileLocks implements FileLocks {

    private final Map<FileKey, Integer> held = new ConcurrentHashMap<>();

    @Override
    public LockedFile acquire(String path, String name, boolean shared, boolean autocreate) {
        LockedFile file = autocreate ? openCreateAndLock(path, name, shared) : openAndLock(path, name, shared);
        held.merge(new FileKey(file.device(), file.inode()), 1, Integer::sum);
        return file;
    }

    private LockedFile openAndLock(String path, String name, boolean shared) {
        int fd = Native.libc().open(Native.path(path), Posix.O_RDWR | Posix.O_CLOEXEC, 0);
        if (fd < 0) {
            throw Native.systemError(FROM_LOCKSPACE, Native.errno(), "Unable to open resource " + path);
        }
        lock(fd, path, name, shared);
        FileStatus status = checkedStatus(fd, path);
        return new LockedFile(fd, path, shared, status.device(), status.inode());
    }

    /** The autocreate loop: the file locked must still be the file at the path afterwards. */
    private LockedFile openCreateAndLock(String path, String name, boolean shared) {
        while (true) {
            int fd = Native.libc().open(Native.path(path), Posix.O_RDWR | Posix.O_CREAT | Posix.O_CLOEXEC,
                    Posix.MODE_FILE);
            if (fd < 0) {
                throw Native.systemError(FROM_LOCKSPACE, Native.errno(), "Unable to open/create resource " + path);
            }
            FileStatus opened = checkedStatus(fd, path);
            lock(fd, path, name, shared);
            FileStatus current = Native.stat(path);
            if (current.ok() && current.inode() == opened.inode()) {
                return new LockedFile(fd, path, shared, opened.device(), opened.inode());
            }
            Native.closeQuietly(fd); // deleted or replaced meanwhile: lock the new file instead
        }
    }

    private static FileStatus checkedStatus(int fd, String path) {
        FileStatus status = Native.fstat(fd);
        if (!status.ok()) {
            Native.closeQuietly(fd);
            throw Native.systemError(FROM_LOCKSPACE, status.errno(), "Unable to check status of pid file '" + path + "'");
        }
        return status;
    }

    private static void lock(int fd, String path, String name, boolean shared) {
        if (setLock(fd, shared ? Posix.F_RDLCK : Posix.F_WRLCK)) {
            return;
        }
        int errno = Native.errno();
        Native.closeQuietly(fd);
        if (errno == Posix.EACCES || errno == Posix.EAGAIN) {
            throw LockException.of(ERR_RESOURCE_BUSY, FROM_LOCKSPACE, "Lockspace resource '" + name + "' is locked");
        }
        throw Native.systemError(FROM_LOCKSPACE, errno, "Unable to acquire lock on '" + path + "'");
    }

    /** fcntl(F_SETLK) on byte 0, length 1: never waits. */
    private static boolean setLock(int fd, short type) {
        Flock flock = new Flock(Native.runtime());
        flock.type.set(type);
        flock.whence.set(Posix.SEEK_SET);
        flock.start.set(0);
        flock.len.set(1);
        return Native.libc().fcntl(fd, Posix.F_SETLK, flock) == 0;
    }

    @Override
    public boolean tryUpgrade(LockedFile file) {
        return setLock(file.fd(), Posix.F_WRLCK);
    }

    @Override
    public void close(LockedFile file) {
        held.computeIfPresent(new FileKey(file.device(), file.inode()), (key, count) -> count > 1 ? count - 1 : null);
        Native.closeQuietly(file.fd());
    }

    /**
     * Runs while a re-exec restores, before the first answer: the descriptor's file is read through
     * {@code /proc/self/fd/<fd>} (which names the open file even when it was unlinked) with the JDK, so that
     * restoring needs no native binding.
     */
    @Override
    public LockedFile adopt(int fd, String path, boolean shared) {
        Map<String, Object> status;
        try {
            status = Files.readAttributes(Path.of("/proc/self/fd", Integer.toString(fd)), "unix:dev,ino");
        } catch (IOException e) {
            throw LockException.system(FROM_LOCKSPACE, Posix.EBADF, "Bad file descriptor",
                    "Unable to check status of inherited resource fd " + fd + " for " + path);
        }
        long device = (Long) status.get("dev");
        long inode = (Long) status.get("ino");
        held.merge(new FileKey(device, inode), 1, Integer::sum);
        return new LockedFile(fd, path, shared, device, inode);
    }

    @Override
    public void touch(String path) {
        FileStatus existing = Native.stat(path);
        if (existing.ok() && held.containsKey(existing.key())) {
            return; // exists, and closing a second descriptor would drop our lock on it
        }
        int fd = Native.libc().open(Native.path(path), Posix.O_WRONLY | Posix.O_CREAT | Posix.O_CLOEXEC,
                Posix.MODE_FILE);
        if (fd < 0) {
            throw Native.systemError(FROM_NONE, Native.errno(), "cannot create file '" + path + "'");
        }
        if (Native.libc().close(fd) < 0) {
            throw Native.systemError(FROM_NONE, Native.errno(), "cannot save file '" + path + "'");
        }
    }

    @Override
    public void unlink(String path) {
        if (Native.libc().unlink(Native.path(path)) < 0) {
            int errno = Native.errno();
            if (errno != Posix.ENOENT) {
                throw Native.systemError(FROM_LOCKSPACE, errno, "Unable to delete lockspace resource " + path);
            }
        }
    }

    @Override
    public void createDirectory(String path) {
        Directories.createLockspaceDirectory(path);
    }
}
