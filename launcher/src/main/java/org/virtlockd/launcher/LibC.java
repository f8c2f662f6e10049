package org.virtlockd.launcher;

import jnr.ffi.LibraryLoader;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.SaveError;

/**
 * The few C library calls the launcher makes itself (pid file, daemonizing, socket activation, resource
 * limit), bound with jnr-ffi: jnr-posix has no call that takes a {@code struct flock}, and this small binding
 * loads faster than jnr-posix. Loaded on first use.
 */
public interface LibC {

    int O_WRONLY = 01;
    int O_CREAT = 0100;
    int O_CLOEXEC = 02000000;
    int O_RDWR = 02;
    int F_GETFD = 1;
    int F_SETFD = 2;
    int FD_CLOEXEC = 1;
    int F_SETLK = 6;
    /** {@code SIGUSR1} on Linux (x86_64 and aarch64). */
    int SIGUSR1 = 10;
    /** {@code SIG_IGN} as a handler address. */
    long SIG_IGN = 1;
    int SIG_SETMASK = 2;
    /** sizeof(sigset_t) in glibc. */
    int SIGSET_SIZE = 128;
    /** {@code RLIMIT_NOFILE} on Linux (x86_64 and aarch64). */
    int RLIMIT_NOFILE = 7;
    short F_WRLCK = 1;
    /** sizeof(struct flock) on 64-bit Linux. */
    int FLOCK_SIZE = 32;
    /** Large enough for struct stat on 64-bit Linux (144 bytes on x86_64, 128 on aarch64). */
    int STAT_SIZE = 256;

    @SaveError
    int open(String path, int flags, int mode);

    @SaveError
    int fcntl(int fd, int cmd, @In byte[] flock);

    /** {@code fcntl} with an int argument ({@code F_SETFD}). */
    @SaveError
    int fcntl(int fd, int cmd, int arg);

    @SaveError
    int fstat(int fd, @Out byte[] stat);

    @SaveError
    int stat(String path, @Out byte[] stat);

    @SaveError
    int ftruncate(int fd, long length);

    @SaveError
    long write(int fd, @In byte[] buf, long count);

    @SaveError
    int unlink(String path);

    int close(int fd);

    @SaveError
    int dup2(int oldfd, int newfd);

    @SaveError
    int setsid();

    /** @param rlimit {@code struct rlimit}: soft and hard limit */
    @SaveError
    int getrlimit(int resource, @Out long[] rlimit);

    /** @param rlimit {@code struct rlimit}: soft and hard limit */
    @SaveError
    int setrlimit(int resource, @In long[] rlimit);

    /**
     * @param argv a NULL-terminated array of pointers to NUL-terminated strings
     * @return only on failure, -1
     */
    @SaveError
    int execv(String path, jnr.ffi.Pointer argv);

    /** @param set a {@code sigset_t} ({@value #SIGSET_SIZE} bytes) */
    @SaveError
    int sigprocmask(int how, @In byte[] set, jnr.ffi.Pointer oldset);

    /** @return the previous handler's address */
    long signal(int signum, long handler);

    String getenv(String name);

    int setenv(String name, String value, int overwrite);

    int unsetenv(String name);

    int geteuid();

    String strerror(int errnum);

    /** Lazily loaded binding. */
    final class Holder {
        static final LibC C = LibraryLoader.create(LibC.class).load("c");
        static final jnr.ffi.Runtime RUNTIME = jnr.ffi.Runtime.getRuntime(C);

        private Holder() {
        }

        static int errno() {
            return RUNTIME.getLastError();
        }
    }
}
