package org.virtlockd.itests.karaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.virtlockd.client.LockClient;
import org.virtlockd.client.LockClientException;
import org.virtlockd.itests.harness.Cleanups;
import org.virtlockd.itests.harness.ProcLocks;
import org.virtlockd.itests.harness.Sandbox;

/**
 * Our Karaf feature in a real Apache Karaf (apache-karaf-minimal, unpacked from Maven Central's tar.gz):
 * {@code feature:install virtlockd} brings the lock manager; a bundle takes a lease through the
 * {@code LockManager} service and a client takes a lock through the socket, both real fcntl locks of
 * Karaf's JVM, excluding each other. Karaf runs as root here (its lock socket then accepts uid 0, this
 * test's uid); its owners are pids of no process, so the holder rule never signals anything.
 */
class KarafFeatureTest {

    private static final Duration BOOT = Duration.ofSeconds(120);
    private static final long PROBE_OWNER_PID = 900_000_123L;
    private static final long SOCKET_OWNER_PID = 900_000_124L;

    @Test
    void featureInstallBringsTheLockManagerWithServiceAndSocket() throws Exception {
        try (Cleanups cleanups = new Cleanups()) {
            Sandbox sandbox = cleanups.add(Sandbox.create());
            KarafInstance karaf = KarafInstance.unpack(Path.of(System.getProperty("karaf.archive")), sandbox.root());
            Path bundles = Path.of(System.getProperty("karaf.bundles"));
            Path features = sandbox.root().resolve("virtlockd-features.xml");
            Files.writeString(features, KarafInstance.localised(
                    Files.readString(Path.of(System.getProperty("karaf.features"))), bundles));
            Path leases = sandbox.root().resolve("leases");
            Path lockSocket = sandbox.root().resolve("sockets/virtlockd-sock");
            karaf.configure("org.virtlockd.transport", "lockSocket = " + lockSocket + "\n"
                    + "adminSocket = " + sandbox.root().resolve("sockets/virtlockd-admin-sock") + "\n");
            Path report = sandbox.root().resolve("probe-report");
            karaf.configure("org.virtlockd.probe", "lockspace = " + leases + "\nresource = probe-disk\n"
                    + "ownerPid = " + PROBE_OWNER_PID + "\nreportFile = " + report + "\n");

            cleanups.add(karaf);
            karaf.start();
            karaf.command("feature:repo-add " + features.toUri());
            karaf.command("feature:install virtlockd");
            karaf.command("bundle:install -s " + Path.of(System.getProperty("karaf.probe")).toUri());
            karaf.awaitCommands("INSTALLED", BOOT);
            long jvm = karaf.jvmPid();

            awaitFile(report, karaf);
            assertEquals("acquired " + leases + " probe-disk pid " + PROBE_OWNER_PID, Files.readString(report).trim());
            ProcLocks.FileKey probeDisk = ProcLocks.FileKey.of(leases.resolve("probe-disk"));
            assertEquals("WRITE", ProcLocks.byteZero(jvm, probeDisk), "the service's lease");

            awaitFile(lockSocket, karaf);
            try (LockClient client = LockClient.connect(lockSocket)) {
                client.register(new UUID(7, 7), "karaf-guest", 3, SOCKET_OWNER_PID);
                client.acquire(leases.toString(), "socket-disk", false, true);
                assertEquals("WRITE", ProcLocks.byteZero(jvm, ProcLocks.FileKey.of(leases.resolve("socket-disk"))),
                        "the socket's lock");
                LockClientException busy = assertThrows(LockClientException.class,
                        () -> client.acquire(leases.toString(), "probe-disk", false, true));
                assertTrue(busy.getMessage().contains("Lockspace resource 'probe-disk' is locked"), busy.getMessage());
            }

            karaf.command("feature:uninstall virtlockd");
            karaf.awaitCommands("UNINSTALLED", BOOT);
            assertTrue(ProcLocks.awaitReleased(jvm, probeDisk, Duration.ofSeconds(10)),
                    "uninstalling the feature releases the leases");
        }
    }

    private static void awaitFile(Path file, KarafInstance karaf) throws Exception {
        long deadline = System.nanoTime() + BOOT.toNanos();
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline || karaf.output().contains("Error executing command")) {
                throw new AssertionError("no " + file + " from Karaf:\n" + karaf.output());
            }
            Thread.sleep(50);
        }
    }
}
