package org.virtlockd.filelock.internal;

import static org.virtlockd.api.LibvirtErrors.ERR_INTERNAL_ERROR;
import static org.virtlockd.api.LibvirtErrors.FROM_LOCKSPACE;

import org.virtlockd.api.LockException;

/** Lockspace directories, created as libvirt's {@code virLockSpaceNew} does. */
final class Directories {

    private Directories() {
    }

    static void createLockspaceDirectory(String path) {
        FileStatus status = Native.stat(path);
        if (status.ok()) {
            if (!status.isDirectory()) {
                throw LockException.of(ERR_INTERNAL_ERROR, FROM_LOCKSPACE,
                        "Lockspace location " + path + " exists, but is not a directory");
            }
            return;
        }
        int errno = makeWithParents(path, Posix.MODE_DIRECTORY);
        if (errno != 0) {
            throw Native.systemError(FROM_LOCKSPACE, errno, "Unable to create lockspace " + path);
        }
    }

    /**
     * Creates the directory and its missing parents, walking the path component by component as
     * glib's {@code g_mkdir_with_parents} does (a component that exists must be a directory; one
     * that appears meanwhile is accepted).
     *
     * @return 0 on success, else the errno
     */
    static int makeWithParents(String path, int mode) {
        if (path.isEmpty()) {
            return Posix.EINVAL;
        }
        int end = skipSlashes(path, 0);
        while (true) {
            while (end < path.length() && path.charAt(end) != '/') {
                end++;
            }
            String prefix = path.substring(0, end);
            FileStatus status = Native.stat(prefix);
            if (!status.ok()) {
                if (Native.libc().mkdir(Native.path(prefix), mode) < 0) {
                    int errno = Native.errno();
                    if (errno != Posix.EEXIST) {
                        return errno;
                    }
                }
            } else if (!status.isDirectory()) {
                return Posix.ENOTDIR;
            }
            if (end >= path.length()) {
                return 0;
            }
            end = skipSlashes(path, end);
        }
    }

    private static int skipSlashes(String path, int from) {
        int index = from;
        while (index < path.length() && path.charAt(index) == '/') {
            index++;
        }
        return index;
    }
}
