package org.virtlockd.filelock.internal;

import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;

/**
 * The few C library functions virtlockd's locks need, bound with jnr-ffi (public: jnr-ffi's
 * generated implementation must see it). Paths are NUL-terminated byte arrays; failures return -1
 * with errno saved for {@link Native#errno()}. {@code stat}/{@code fstat} are the symbols glibc
 * exports since 2.33 (Debian 12 has 2.36).
 */
public interface LibC {

    /** open(2); {@code mode} is used with O_CREAT only. */
    int open(@In byte[] path, int flags, int mode);

    /** close(2). */
    int close(int fd);

    /** fcntl(2) with a {@code struct flock} argument (F_SETLK, F_GETLK). */
    int fcntl(int fd, int cmd, Flock lock);

    /** fstat(2) into a buffer of at least {@link Native#STAT_BUFFER} bytes. */
    int fstat(int fd, @Out byte[] buffer);

    /** stat(2) into a buffer of at least {@link Native#STAT_BUFFER} bytes. */
    int stat(@In byte[] path, @Out byte[] buffer);

    /** unlink(2). */
    int unlink(@In byte[] path);

    /** mkdir(2). */
    int mkdir(@In byte[] path, int mode);

    /** kill(2). */
    int kill(int pid, int signal);

    /** strerror(3). */
    String strerror(int errno);
}
