package org.virtlockd.lockspace.internal;

import org.virtlockd.filelock.FileLocks;
import org.virtlockd.filelock.LockedFile;

/** The real backend, with hooks a test can override to simulate what it cannot cause as root. */
class ForwardingFileLocks implements FileLocks {

    private final FileLocks real;

    ForwardingFileLocks(FileLocks real) {
        this.real = real;
    }

    @Override
    public LockedFile acquire(String path, String name, boolean shared, boolean autocreate) {
        return real.acquire(path, name, shared, autocreate);
    }

    @Override
    public boolean tryUpgrade(LockedFile file) {
        return real.tryUpgrade(file);
    }

    @Override
    public void close(LockedFile file) {
        real.close(file);
    }

    @Override
    public LockedFile adopt(int fd, String path, boolean shared) {
        return real.adopt(fd, path, shared);
    }

    @Override
    public void touch(String path) {
        real.touch(path);
    }

    @Override
    public void unlink(String path) {
        real.unlink(path);
    }

    @Override
    public void createDirectory(String path) {
        real.createDirectory(path);
    }
}
