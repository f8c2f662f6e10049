package org.virtlockd.itests.diff;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import org.virtlockd.itests.harness.Cleanups;
import org.virtlockd.itests.harness.Daemon;
import org.virtlockd.itests.harness.Daemon.Kind;
import org.virtlockd.itests.harness.Sandbox;

/**
 * Both daemons side by side: libvirt's and ours, each in its own sandbox, each with a data directory for
 * lockspaces and resources ({@code /tmp/vldiff-<token>-l} and {@code -o}: same length), and two disposable
 * {@code sleep} children whose pids serve as lock owners (never the test JVM's pid). Everything is stopped
 * and removed by {@link #close}, whatever state the tests left.
 */
final class DiffWorld implements AutoCloseable {
    private final Cleanups cleanups = new Cleanups();
    private Path libvirtData;
    private Path oursData;
    private Sandbox libvirtSandbox;
    private Sandbox oursSandbox;
    private Daemon libvirt;
    private Daemon ours;
    private final long[] pids = new long[2];

    static DiffWorld start() throws Exception {
        DiffWorld w = new DiffWorld();
        try {
            w.setUp();
        } catch (Exception | Error e) {
            w.close();
            throw e;
        }
        return w;
    }

    private void setUp() throws Exception {
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        libvirtData = cleanups.userDirectory(Path.of("/tmp/vldiff-" + token + "-l"));
        oursData = cleanups.userDirectory(Path.of("/tmp/vldiff-" + token + "-o"));
        for (int i = 0; i < pids.length; i++) {
            Process sleep = new ProcessBuilder("sleep", "600").start();
            cleanups.add(() -> {
                sleep.destroy();
                sleep.waitFor(5, TimeUnit.SECONDS);
            });
            pids[i] = sleep.pid();
        }
        libvirtSandbox = cleanups.add(Sandbox.create());
        oursSandbox = cleanups.add(Sandbox.create());
        libvirt = cleanups.add(Daemon.start(Kind.LIBVIRT, libvirtSandbox));
        ours = cleanups.add(Daemon.start(Kind.OURS, oursSandbox));
    }

    /** A fresh run of scenario {@code id} against one daemon; libvirt's run is checked against the spec. */
    Session session(Kind kind, String id) {
        return kind == Kind.LIBVIRT
                ? new Session(kind, libvirtSandbox.lockSocket(), libvirtData, id, pids, true)
                : new Session(kind, oursSandbox.lockSocket(), oursData, id, pids, false);
    }

    Daemon daemon(Kind kind) {
        return kind == Kind.LIBVIRT ? libvirt : ours;
    }

    /** Stops the daemons, kills the children and deletes the directories, in reverse order of creation. */
    @Override
    public void close() throws Exception {
        cleanups.close();
    }
}
