package org.virtlockd.filelock.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtlockd.api.LockException;
import org.virtlockd.filelock.LockedFile;

class NativeFileLocksTest {

    private static final long SELF = ProcessHandle.current().pid();

    @TempDir
    Path dir;

    private final NativeFileLocks locks = new NativeFileLocks();

    private Path file(String name) throws IOException {
        return Files.writeString(dir.resolve(name), "disk image");
    }

    @Test
    void exclusiveLockIsAWriteLockOnByteZeroThatOtherProcessesSee() throws Exception {
        Path disk = file("disk");
        LockedFile held = locks.acquire(disk.toString(), "disk", false, false);
        assertEquals(List.of("POSIX ADVISORY WRITE 0 0"), ProcLocks.of(SELF, disk));
        assertEquals("busy", Probe.tryLock(disk, true));
        assertEquals("busy", Probe.tryLock(disk, false));
        locks.close(held);
        assertEquals(List.of(), ProcLocks.of(SELF, disk));
        assertEquals("locked", Probe.tryLock(disk, false));
    }

    @Test
    void sharedLockIsAReadLockThatOtherProcessesMayShare() throws Exception {
        Path disk = file("disk");
        LockedFile held = locks.acquire(disk.toString(), "disk", true, false);
        assertEquals(List.of("POSIX ADVISORY READ 0 0"), ProcLocks.of(SELF, disk));
        assertEquals("locked", Probe.tryLock(disk, true));
        assertEquals("busy", Probe.tryLock(disk, false));
        locks.close(held);
    }

    @Test
    void anotherProcessesLockMakesTheResourceBusy() throws Exception {
        Path disk = file("disk");
        try (Probe other = Probe.hold(disk, false)) {
            assertEquals("locked", other.result());
            assertEquals(List.of("POSIX ADVISORY WRITE 0 0"), ProcLocks.of(other.pid(), disk));
            LockException e = assertThrows(LockException.class,
                    () -> locks.acquire(disk.toString(), "the-name", true, false));
            assertEquals(87, e.code());
            assertEquals(51, e.domain());
            assertEquals("Lockspace resource 'the-name' is locked", e.detail());
            assertFalse(e.isSystemError());
        }
        assertEquals(List.of(), ProcLocks.of(SELF, disk), "the failed attempt left nothing behind");
    }

    @Test
    void upgradeFailsWhileAnotherProcessSharesTheFile() throws Exception {
        Path disk = file("disk");
        LockedFile held;
        try (Probe other = Probe.hold(disk, true)) {
            assertEquals("locked", other.result());
            held = locks.acquire(disk.toString(), "disk", true, true);
            assertFalse(locks.tryUpgrade(held));
            assertEquals(List.of("POSIX ADVISORY READ 0 0"), ProcLocks.of(SELF, disk));
        }
        assertTrue(locks.tryUpgrade(held));
        assertEquals(List.of("POSIX ADVISORY WRITE 0 0"), ProcLocks.of(SELF, disk));
        locks.close(held);
    }

    @Test
    void missingFileIsASystemErrorWithoutAutocreate() {
        String path = dir.resolve("missing").toString();
        LockException e = assertThrows(LockException.class, () -> locks.acquire(path, "missing", false, false));
        assertSystemError(e, 51, 2, "Unable to open resource " + path, "No such file or directory");
        assertFalse(Files.exists(dir.resolve("missing")));
    }

    @Test
    void autocreateCreatesAnEmptyPrivateFile() throws Exception {
        Path lease = dir.resolve("lease");
        LockedFile held = locks.acquire(lease.toString(), "lease", false, true);
        assertEquals(0, Files.size(lease));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(lease)));
        assertEquals(Files.getAttribute(lease, "unix:ino"), held.inode());
        assertEquals(List.of("POSIX ADVISORY WRITE 0 0"), ProcLocks.of(SELF, lease));
        locks.close(held);
    }

    @Test
    void autocreateInAMissingDirectoryNamesTheCreateAttempt() {
        String path = dir.resolve("nodir/lease").toString();
        LockException e = assertThrows(LockException.class, () -> locks.acquire(path, "lease", false, true));
        assertSystemError(e, 51, 2, "Unable to open/create resource " + path, "No such file or directory");
    }

    @Test
    void descriptorsAreCloseOnExec() throws Exception {
        LockedFile held = locks.acquire(file("disk").toString(), "disk", false, false);
        String flags = Files.readAllLines(Path.of("/proc/self/fdinfo/" + held.fd())).stream()
                .filter(line -> line.startsWith("flags:")).findFirst().orElseThrow();
        int value = Integer.parseInt(flags.substring("flags:".length()).trim(), 8);
        assertEquals(02000000, value & 02000000, flags);
        assertEquals(02, value & 03, "opened O_RDWR: " + flags);
        locks.close(held);
    }

    @Test
    void touchCreatesOrKeepsTheFile() throws Exception {
        Path created = dir.resolve("created");
        locks.touch(created.toString());
        assertEquals(0, Files.size(created));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(created)));
        Path existing = file("existing");
        locks.touch(existing.toString());
        assertEquals("disk image", Files.readString(existing));
    }

    @Test
    void touchNeverDropsALockThisProcessHolds() throws Exception {
        Path disk = file("disk");
        LockedFile held = locks.acquire(disk.toString(), "disk", false, false);
        locks.touch(disk.toString());
        locks.touch(dir + "/./disk");
        assertEquals(List.of("POSIX ADVISORY WRITE 0 0"), ProcLocks.of(SELF, disk));
        assertEquals("busy", Probe.tryLock(disk, false));
        locks.close(held);
    }

    @Test
    void touchFailureIsInDomainNone() {
        String path = dir.resolve("nodir/file").toString();
        LockException e = assertThrows(LockException.class, () -> locks.touch(path));
        assertSystemError(e, 0, 2, "cannot create file '" + path + "'", "No such file or directory");
    }

    @Test
    void unlinkDeletesAndAcceptsAMissingFile() throws Exception {
        Path disk = file("disk");
        locks.unlink(disk.toString());
        assertFalse(Files.exists(disk));
        locks.unlink(disk.toString());
        Path subdir = Files.createDirectory(dir.resolve("subdir"));
        LockException e = assertThrows(LockException.class, () -> locks.unlink(subdir.toString()));
        assertSystemError(e, 51, 21, "Unable to delete lockspace resource " + subdir, "Is a directory");
    }

    @Test
    void createDirectoryMakesParentsWithMode0700() throws Exception {
        Path nested = dir.resolve("a/b/c");
        locks.createDirectory(nested + "/");
        assertTrue(Files.isDirectory(nested));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(nested)));
        locks.createDirectory(nested.toString());
        Files.setPosixFilePermissions(nested, PosixFilePermissions.fromString("rwxr-xr-x"));
        locks.createDirectory(nested.toString());
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(nested)),
                "an existing directory is left alone");
    }

    @Test
    void createDirectoryRefusesFiles() throws Exception {
        String plain = file("plain").toString();
        LockException e = assertThrows(LockException.class, () -> locks.createDirectory(plain));
        assertEquals(1, e.code());
        assertEquals(51, e.domain());
        assertEquals("Lockspace location " + plain + " exists, but is not a directory", e.detail());
        LockException below = assertThrows(LockException.class, () -> locks.createDirectory(plain + "/sub"));
        assertSystemError(below, 51, 20, "Unable to create lockspace " + plain + "/sub", "Not a directory");
    }

    @Test
    void adoptTakesOverAnOpenDescriptor() throws Exception {
        Path disk = file("disk");
        LockedFile held = locks.acquire(disk.toString(), "disk", true, false);
        LockedFile adopted = locks.adopt(held.fd(), disk.toString(), true);
        assertEquals(held, adopted);
        assertEquals(List.of("POSIX ADVISORY READ 0 0"), ProcLocks.of(SELF, disk));
        locks.close(adopted);
        assertEquals(List.of(), ProcLocks.of(SELF, disk));
        LockException e = assertThrows(LockException.class, () -> locks.adopt(held.fd(), disk.toString(), true));
        assertEquals(9, e.errno());
        assertEquals("Bad file descriptor", e.strerror());
    }

    @Test
    void eachAcquireHasItsOwnDescriptor() throws Exception {
        LockedFile first = locks.acquire(file("one").toString(), "one", false, false);
        LockedFile second = locks.acquire(file("two").toString(), "two", false, false);
        assertNotEquals(first.fd(), second.fd());
        locks.close(first);
        locks.close(second);
    }

    @Test
    void onlyLinuxOnAmd64AndAarch64IsSupported() {
        assertEquals(24, Native.modeOffset("Linux", "amd64"));
        assertEquals(16, Native.modeOffset("Linux", "aarch64"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Native.modeOffset("Linux", "s390x"));
        assertEquals("the native lock binding supports Linux on amd64 and aarch64, not Linux on s390x", e.getMessage());
    }

    private static void assertSystemError(LockException e, int domain, int errno, String detail, String strerror) {
        assertTrue(e.isSystemError());
        assertEquals(38, e.code());
        assertEquals(domain, e.domain());
        assertEquals(errno, e.errno());
        assertEquals(detail, e.detail());
        assertEquals(strerror, e.strerror());
        assertEquals(detail + ": " + strerror, e.getMessage());
    }
}
