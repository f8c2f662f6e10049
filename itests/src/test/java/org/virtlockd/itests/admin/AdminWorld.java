package org.virtlockd.itests.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.virtlockd.itests.harness.Daemon;
import org.virtlockd.itests.harness.Daemon.Kind;
import org.virtlockd.itests.harness.Sandbox;
import org.virtlockd.itests.harness.TestUser;

/**
 * libvirt's daemon and ours side by side, each in its own sandbox, each with a directory for log files
 * ({@code /tmp/vladm-<token>-l} and {@code -o}: names of equal length, so replies that carry them differ only
 * in that letter). Everything is stopped and removed by {@link #close}, whatever state the tests left.
 */
final class AdminWorld implements AutoCloseable {

    /** One daemon and its directories. */
    record Side(Kind kind, Sandbox sandbox, Daemon daemon, Path logDir) {
        Path adminSocket() {
            return sandbox.adminSocket();
        }
    }

    private final List<AutoCloseable> cleanups = new ArrayList<>();
    private Side libvirt;
    private Side ours;

    static AdminWorld start() throws Exception {
        AdminWorld w = new AdminWorld();
        try {
            String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
            w.libvirt = w.side(Kind.LIBVIRT, Path.of("/tmp/vladm-" + token + "-l"));
            w.ours = w.side(Kind.OURS, Path.of("/tmp/vladm-" + token + "-o"));
        } catch (Exception | Error e) {
            w.close();
            throw e;
        }
        return w;
    }

    private Side side(Kind kind, Path logDir) throws Exception {
        Files.createDirectory(logDir);
        cleanups.add(() -> deleteTree(logDir));
        Files.setPosixFilePermissions(logDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        TestUser.chown(logDir);
        Sandbox sandbox = Sandbox.create();
        cleanups.add(sandbox);
        Daemon daemon = Daemon.start(kind, sandbox);
        cleanups.add(daemon);
        return new Side(kind, sandbox, daemon, logDir);
    }

    Side side(Kind kind) {
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

    /** Stops the daemons and deletes the directories, in reverse order of creation. */
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
