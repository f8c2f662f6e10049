package org.virtlockd.itests.harness;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.newsclub.net.unix.AFUNIXSocket;

import jnr.ffi.LibraryLoader;

/**
 * One thread of the test JVM whose effective uid and gid are the test user's. On Linux credentials belong
 * to the thread: the raw {@code setresuid} system call (unlike glibc's wrapper) changes only the calling
 * thread, so sockets connected from this thread carry the test user's SO_PEERCRED uid, while the rest of
 * the JVM stays root. The peer pid is still the test JVM's: never register it as an owner and then
 * disconnect, or the daemon's holder rule signals the test JVM.
 */
public final class UserThread {

    /** Linux x86_64 system call numbers. */
    private static final long SYS_SETRESUID = 117;
    private static final long SYS_SETRESGID = 119;

    public interface Syscalls {
        long syscall(long number, long a, long b, long c);
    }

    static {
        // junixsocket extracts and loads its native library on first use; as the test user that fails, so
        // load it here, as root, before any thread changes its credentials.
        if (!AFUNIXSocket.isSupported()) {
            throw new IllegalStateException("junixsocket's native library cannot be loaded");
        }
    }

    private static final ExecutorService THREAD = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(() -> {
            Syscalls c = LibraryLoader.create(Syscalls.class).load("c");
            if (c.syscall(SYS_SETRESGID, -1, TestUser.GID, -1) != 0 || c.syscall(SYS_SETRESUID, -1, TestUser.UID, -1) != 0) {
                throw new IllegalStateException("cannot switch this thread to uid " + TestUser.UID + " (tests must run as root)");
            }
            r.run();
        }, "test-user");
        t.setDaemon(true);
        return t;
    });

    private UserThread() {
    }

    /** Runs {@code task} on the test user's thread and returns its result. */
    public static <T> T call(Callable<T> task) throws Exception {
        Future<T> f = THREAD.submit(task);
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }
}
