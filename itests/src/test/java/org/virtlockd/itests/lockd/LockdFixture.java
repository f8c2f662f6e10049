package org.virtlockd.itests.lockd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import org.virtlockd.itests.harness.Daemon;
import org.virtlockd.itests.harness.Daemon.Kind;
import org.virtlockd.itests.harness.ProcLocks;
import org.virtlockd.itests.harness.ProcLocks.FileKey;
import org.virtlockd.itests.harness.Sandbox;
import org.virtlockd.itests.harness.TestUser;

/**
 * One daemon (ours or libvirt's) in a fresh sandbox, libvirt's lockd plugin driven against it, and disk
 * images owned by the test user under the sandbox's {@code data/}. Closing stops all three, in that order.
 */
final class LockdFixture implements AutoCloseable {

    /** The guest UUIDs of spec 2.4's observed REGISTER sample, varied in the last byte. */
    static final String UUID_PREFIX = "11223344-5566-7788-99aa-bbccddeeff";

    /** The holder rule runs when the daemon sees EOF; its kill loop may stall the daemon up to 3 s (3.7). */
    static final Duration RELEASE_TIMEOUT = Duration.ofSeconds(10);

    final Sandbox sandbox;
    final Daemon daemon;
    final LockdDriver driver;

    private LockdFixture(Sandbox sandbox, Daemon daemon, LockdDriver driver) {
        this.sandbox = sandbox;
        this.daemon = daemon;
        this.driver = driver;
    }

    static LockdFixture open(Kind kind) throws Exception {
        LockdDriver.build();
        Sandbox sandbox = Sandbox.create();
        Daemon daemon = null;
        try {
            daemon = Daemon.start(kind, sandbox);
            return new LockdFixture(sandbox, daemon, LockdDriver.start(sandbox));
        } catch (Exception | AssertionError e) {
            if (daemon != null) {
                daemon.close();
            }
            sandbox.close();
            throw e;
        }
    }

    /** Writes the plugin's config, {@code $XDG_CONFIG_HOME/libvirt/qemu-lockd.conf}, and returns its path. */
    Path config(String text) throws IOException {
        Path dir = sandbox.root().resolve("cfg/libvirt");
        if (!Files.isDirectory(dir)) {
            Files.createDirectory(dir);
            TestUser.chown(dir);
        }
        Path file = dir.resolve("qemu-lockd.conf");
        Files.writeString(file, text);
        return file;
    }

    /** Loads the plugin with a config that sets {@code file_lockspace_dir} (indirect) or nothing (direct). */
    void init(Path fileLockspaceDir) throws Exception {
        String text = fileLockspaceDir == null ? "" : "file_lockspace_dir = \"" + fileLockspaceDir + "\"\n";
        driver.ok("init " + config(text));
    }

    /** A 64 KiB disk image owned by the test user. */
    Path disk(String name) throws IOException {
        Path p = sandbox.data().resolve(name);
        Files.write(p, new byte[65536]);
        TestUser.chown(p);
        return p;
    }

    /** Defines guest {@code name} with domain id {@code id}, then adds each disk ("PATH" or "PATH MODE"). */
    void define(String name, int id, String... disks) throws Exception {
        driver.ok("define " + name + " " + id + " " + UUID_PREFIX + String.format("%02x", id));
        for (String d : disks) {
            driver.ok("disk " + name + " " + d);
        }
    }

    /** READ, WRITE or "none": the lock the daemon process holds on byte 0 of {@code file}. */
    String lock(Path file) throws IOException {
        return lock(FileKey.of(file));
    }

    String lock(FileKey file) throws IOException {
        return ProcLocks.byteZero(daemon.pid(), file);
    }

    /** Waits until the daemon holds no lock on {@code file} (after a holder died, 3.7). */
    boolean awaitReleased(FileKey file) throws IOException, InterruptedException {
        return ProcLocks.awaitReleased(daemon.pid(), file, RELEASE_TIMEOUT);
    }

    /** The indirect lease name libvirt uses for a disk: lowercase hex SHA-256 of the path string. */
    static String leaseName(Path disk) throws NoSuchAlgorithmException {
        byte[] sum = MessageDigest.getInstance("SHA-256").digest(disk.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sum);
    }

    /** libvirt's client-side text of a resource conflict (code 87, domain 51, VIR_FROM_LOCKSPACE). */
    static String busy(String resource) {
        return "error 87 51 resource busy: Lockspace resource '" + resource + "' is locked";
    }

    @Override
    public void close() throws Exception {
        try {
            driver.close();
        } finally {
            try {
                daemon.close();
            } finally {
                sandbox.close();
            }
        }
    }
}
