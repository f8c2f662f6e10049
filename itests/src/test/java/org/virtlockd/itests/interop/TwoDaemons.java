package org.virtlockd.itests.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.virtlockd.itests.harness.LockCalls;
import org.virtlockd.itests.harness.Daemon;
import org.virtlockd.itests.harness.Daemon.Kind;
import org.virtlockd.itests.harness.ProcLocks;
import org.virtlockd.itests.harness.ProcLocks.FileKey;
import org.virtlockd.itests.harness.Sandbox;
import org.virtlockd.itests.harness.TestUser;

/**
 * Two daemons at once, each in its own sandbox (own sockets and pid file), locking files in one shared
 * directory: like two hosts whose virtlockd share an NFS lockspace (spec 3.3, "Interoperation"). Each side
 * has one registered connection; the owner pid is a {@code sleep} child's, never the test JVM's, and the
 * peer pid (the JVM) differs from it, so closing a connection never triggers the holder rule.
 */
final class TwoDaemons implements AutoCloseable {

    /** One daemon with its registered client connection and the disposable owner process. */
    record Side(Daemon daemon, LockCalls calls, Process owner) {

        /** READ, WRITE or "none": the lock this daemon's process holds on byte 0 of {@code file}. */
        String lock(FileKey file) throws IOException {
            return ProcLocks.byteZero(daemon.pid(), file);
        }
    }

    private final List<AutoCloseable> resources = new ArrayList<>();
    private Side first;
    private Side second;
    private Path shared;

    private TwoDaemons() {
    }

    /** Starts {@code firstKind} and {@code secondKind}; the shared directory is the first sandbox's data/. */
    static TwoDaemons open(Kind firstKind, Kind secondKind) throws Exception {
        TwoDaemons t = new TwoDaemons();
        try {
            Sandbox a = t.keep(Sandbox.create());
            Sandbox b = t.keep(Sandbox.create());
            t.shared = a.data();
            t.first = t.side(firstKind, a, "first", 1);
            t.second = t.side(secondKind, b, "second", 2);
            return t;
        } catch (Exception | AssertionError e) {
            t.close();
            throw e;
        }
    }

    Side first() {
        return first;
    }

    Side second() {
        return second;
    }

    Path shared() {
        return shared;
    }

    private <T extends AutoCloseable> T keep(T resource) {
        resources.add(0, resource);
        return resource;
    }

    private Side side(Kind kind, Sandbox sandbox, String name, int id) throws Exception {
        Daemon daemon = keep(Daemon.start(kind, sandbox));
        Process owner = new ProcessBuilder("/bin/sleep", "600").start();
        keep(() -> owner.destroyForcibly().waitFor());
        LockCalls calls = keep(LockCalls.connect(sandbox.lockSocket()));
        String registered = calls.register(name, id, owner.pid());
        if (!registered.equals("ok")) {
            throw new AssertionError(kind + " refused REGISTER: " + registered + "\n" + daemon.output());
        }
        return new Side(daemon, calls, owner);
    }

    /** An empty file owned by the test user in the shared directory (a direct resource). */
    Path file(String name) throws IOException {
        Path p = Files.write(shared.resolve(name), new byte[0]);
        TestUser.chown(p);
        return p;
    }

    /** Connections, daemons, owner processes and sandboxes, in reverse order of creation. */
    @Override
    public void close() throws Exception {
        Exception failure = null;
        for (AutoCloseable r : new ArrayList<>(resources)) {
            try {
                r.close();
            } catch (Exception e) {
                failure = failure == null ? e : failure;
            }
        }
        resources.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
