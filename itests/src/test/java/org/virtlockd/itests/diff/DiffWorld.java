package org.virtlockd.itests.diff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.virtlockd.itests.harness.Daemon;
import org.virtlockd.itests.harness.Daemon.Kind;
import org.virtlockd.itests.harness.Sandbox;
import org.virtlockd.itests.harness.TestUser;

/**
 * Both daemons side by side: libvirt's and ours, each in its own sandbox, each with a data directory for
 * lockspaces and resources ({@code /tmp/vldiff-<token>-l} and {@code -o}: same length), and two disposable
 * {@code sleep} children whose pids serve as lock owners (never the test JVM's pid). Everything is stopped
 * and removed by {@link #close}, whatever state the tests left.
 */
final class DiffWorld implements AutoCloseable {
    private final List<AutoCloseable> cleanups = new ArrayList<>();
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
        libvirtData = dataDirectory("/tmp/vldiff-" + token + "-l");
        oursData = dataDirectory("/tmp/vldiff-" + token + "-o");
        for (int i = 0; i < pids.length; i++) {
            Process sleep = new ProcessBuilder("sleep", "600").start();
            cleanups.add(() -> {
                sleep.destroy();
                sleep.waitFor(5, TimeUnit.SECONDS);
            });
            pids[i] = sleep.pid();
        }
        libvirtSandbox = Sandbox.create();
        cleanups.add(libvirtSandbox);
        oursSandbox = Sandbox.create();
        cleanups.add(oursSandbox);
        libvirt = Daemon.start(Kind.LIBVIRT, libvirtSandbox);
        cleanups.add(libvirt);
        ours = Daemon.start(Kind.OURS, oursSandbox);
        cleanups.add(ours);
    }

    private Path dataDirectory(String name) throws IOException {
        Path p = Files.createDirectory(Path.of(name));
        cleanups.add(() -> deleteTree(p));
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        TestUser.chown(p);
        return p;
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

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Stops the daemons, kills the children and deletes the directories, in reverse order of creation. */
    @Override
    public void close() throws Exception {
        Exception first = null;
        for (int i = cleanups.size() - 1; i >= 0; i--) {
            try {
                cleanups.get(i).close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        cleanups.clear();
        if (first != null) {
            throw first;
        }
    }
}
