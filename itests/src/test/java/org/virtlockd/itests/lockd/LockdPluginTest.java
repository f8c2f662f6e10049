package org.virtlockd.itests.lockd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.virtlockd.itests.harness.Daemon.Kind;
import org.virtlockd.itests.harness.ProcLocks.FileKey;
import org.virtlockd.itests.harness.TestUser;

/**
 * libvirt's own client plugin, {@code lockd.so}, against each daemon: the message sequences of spec 2.4 as
 * the plugin produces them, checked by their effect on the kernel's lock table (the daemon process holds a
 * POSIX lock on byte 0 of each disk or lease file, 3.3). The same tests run against libvirt's daemon, which
 * validates the driver and makes the comparison differential.
 */
class LockdPluginTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void startUpCreatesTheFileLockspace(Kind kind) throws Exception {
        try (LockdFixture f = LockdFixture.open(kind)) {
            Path dir = f.sandbox.data().resolve("leases/indirect");
            f.init(dir);
            assertTrue(Files.isDirectory(dir), "sequence A: CREATE_LOCKSPACE made " + dir);
            assertEquals(TestUser.UID, (Integer) Files.getAttribute(dir, "unix:uid"));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void startUpFailsWhenTheLockspaceIsNoDirectory(Kind kind) throws Exception {
        try (LockdFixture f = LockdFixture.open(kind)) {
            Path file = f.disk("not-a-dir");
            String answer = f.driver.call("init " + f.config("file_lockspace_dir = \"" + file + "\"\n"));
            assertEquals("error 1 51 internal error: Lockspace location " + file + " exists, but is not a directory", answer);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void directDisksAreLockedWhileTheGuestRuns(Kind kind) throws Exception {
        try (LockdFixture f = LockdFixture.open(kind)) {
            Path rw = f.disk("rw.img");
            Path shared = f.disk("shared.img");
            Path ro = f.disk("ro.img");
            f.init(null);
            f.define("vm1", 1, rw.toString(), shared + " shared", ro + " readonly");

            f.driver.ok("start vm1 paused");
            assertTrue(ProcessHandle.of(f.driver.holderPid("vm1")).isPresent(), "sequence B: the holder runs");
            assertEquals("none", f.lock(rw), "B registers only");

            f.driver.ok("resume vm1");
            assertEquals("WRITE", f.lock(rw), "C: exclusive disk");
            assertEquals("READ", f.lock(shared), "C: shareable disk");
            assertEquals("none", f.lock(ro), "C: read-only disks are never sent");

            f.driver.ok("pause vm1");
            assertEquals("none", f.lock(rw), "D releases");
            assertEquals("none", f.lock(shared), "D releases");

            f.driver.ok("resume vm1");
            assertEquals("WRITE", f.lock(rw), "E acquires again");
            assertEquals("READ", f.lock(shared), "E acquires again");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void indirectLeasesLockHashedFilesInTheLockspace(Kind kind) throws Exception {
        try (LockdFixture f = LockdFixture.open(kind)) {
            Path dir = f.sandbox.data().resolve("leases");
            Path rw = f.disk("rw.img");
            Path shared = f.disk("shared.img");
            f.init(dir);
            f.define("vm1", 1, rw.toString(), shared + " shared");
            f.driver.ok("start vm1");

            Path rwLease = dir.resolve(LockdFixture.leaseName(rw));
            Path sharedLease = dir.resolve(LockdFixture.leaseName(shared));
            FileKey rwKey = FileKey.of(rwLease);
            FileKey sharedKey = FileKey.of(sharedLease);
            assertEquals("WRITE", f.lock(rwKey), "AUTOCREATE lease for the exclusive disk");
            assertEquals("READ", f.lock(sharedKey), "AUTOCREATE lease for the shareable disk");
            assertEquals("none", f.lock(rw), "the disk itself is not locked");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(rwLease)));

            f.define("vm2", 2, rw.toString());
            assertEquals(LockdFixture.busy(LockdFixture.leaseName(rw)), f.driver.call("start vm2"));
            assertEquals("WRITE", f.lock(rwKey), "the first guest keeps its lease");

            f.driver.ok("pause vm1");
            assertEquals("none", f.lock(rwKey));
            assertEquals("none", f.lock(sharedKey));
            assertFalse(Files.exists(rwLease), "the last release deletes an AUTOCREATE lease");
            assertFalse(Files.exists(sharedLease), "no one else shares it, so it is deleted too");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void hotplugLocksAndUnplugReleasesOneDisk(Kind kind) throws Exception {
        try (LockdFixture f = LockdFixture.open(kind)) {
            Path boot = f.disk("boot.img");
            Path extra = f.disk("extra.img");
            f.init(null);
            f.define("vm1", 1, boot.toString());
            f.driver.ok("start vm1");

            f.driver.ok("attach vm1 " + extra);
            assertEquals("WRITE", f.lock(extra), "sequence G: hotplug acquires");
            assertEquals("WRITE", f.lock(boot));

            f.driver.ok("detach vm1 " + extra);
            assertEquals("none", f.lock(extra), "unplug releases that disk only");
            assertEquals("WRITE", f.lock(boot));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSecondGuestOnTheSameDiskIsRefused(Kind kind) throws Exception {
        try (LockdFixture f = LockdFixture.open(kind)) {
            Path disk = f.disk("disk.img");
            Path other = f.disk("other.img");
            f.init(null);
            f.define("vm1", 1, disk.toString());
            f.define("vm2", 2, other.toString(), disk.toString());
            f.driver.ok("start vm1");

            assertEquals(LockdFixture.busy(disk.toString()), f.driver.call("start vm2"));
            assertEquals("0", f.driver.ok("pid vm2").substring(4), "the refused guest was torn down");
            assertTrue(f.awaitReleased(FileKey.of(other)), "its first disk went with its holder (holder rule)");
            assertEquals("WRITE", f.lock(disk), "the first guest keeps its disk");

            f.driver.ok("pause vm1");
            f.driver.ok("start vm2");
            assertEquals("WRITE", f.lock(disk));
            assertEquals("WRITE", f.lock(other));
        }
    }
}
