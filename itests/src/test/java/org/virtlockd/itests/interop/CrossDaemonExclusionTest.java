package org.virtlockd.itests.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.virtlockd.itests.harness.LockCalls;
import org.virtlockd.itests.harness.Daemon.Kind;
import org.virtlockd.itests.harness.ProcLocks.FileKey;
import org.virtlockd.itests.interop.TwoDaemons.Side;

/**
 * Two daemons exclude each other through the kernel's record locks alone (spec 3.3): same byte, same lock
 * types, so a mixed deployment (or two hosts on one NFS lockspace) is safe. Every combination of ours and
 * libvirt's runs, in both roles; libvirt against libvirt is the reference.
 */
class CrossDaemonExclusionTest {

    private static final String DIRECT = "";

    static Stream<Arguments> pairs() {
        return Stream.of(Kind.values()).flatMap(a -> Stream.of(Kind.values()).map(b -> Arguments.of(a, b)));
    }

    private static String busy(String name) {
        return "error 87 resource busy: Lockspace resource '" + name + "' is locked";
    }

    @ParameterizedTest(name = "{0} holds, {1} asks")
    @MethodSource("pairs")
    void anExclusiveLockExcludesBothKindsOfRequest(Kind holder, Kind asker) throws Exception {
        try (TwoDaemons t = TwoDaemons.open(holder, asker)) {
            Path disk = t.file("disk.img");
            assertEquals("ok", t.first().calls().acquire(DIRECT, disk.toString(), 0));
            assertEquals(busy(disk.toString()), t.second().calls().acquire(DIRECT, disk.toString(), 0));
            assertEquals(busy(disk.toString()), t.second().calls().acquire(DIRECT, disk.toString(), LockCalls.SHARED));
            FileKey key = FileKey.of(disk);
            assertEquals("WRITE", t.first().lock(key));
            assertEquals("none", t.second().lock(key));
        }
    }

    @ParameterizedTest(name = "{0} shares, {1} asks")
    @MethodSource("pairs")
    void aSharedLockAdmitsSharersButNoExclusiveOwner(Kind holder, Kind asker) throws Exception {
        try (TwoDaemons t = TwoDaemons.open(holder, asker)) {
            Path disk = t.file("disk.img");
            assertEquals("ok", t.first().calls().acquire(DIRECT, disk.toString(), LockCalls.SHARED));
            assertEquals(busy(disk.toString()), t.second().calls().acquire(DIRECT, disk.toString(), 0));
            assertEquals("ok", t.second().calls().acquire(DIRECT, disk.toString(), LockCalls.SHARED));
            FileKey key = FileKey.of(disk);
            assertEquals("READ", t.first().lock(key));
            assertEquals("READ", t.second().lock(key));
        }
    }

    @ParameterizedTest(name = "{0} releases, {1} takes over")
    @MethodSource("pairs")
    void aReleaseInOneDaemonLetsTheOtherAcquire(Kind holder, Kind asker) throws Exception {
        try (TwoDaemons t = TwoDaemons.open(holder, asker)) {
            String disk = t.file("disk.img").toString();
            Side first = t.first();
            Side second = t.second();
            assertEquals("ok", first.calls().acquire(DIRECT, disk, 0));
            assertEquals(busy(disk), second.calls().acquire(DIRECT, disk, 0));
            assertEquals("ok", first.calls().release(DIRECT, disk));
            assertEquals("ok", second.calls().acquire(DIRECT, disk, 0));
            assertEquals(busy(disk), first.calls().acquire(DIRECT, disk, 0), "and now the other way round");
        }
    }

    @ParameterizedTest(name = "{0} then {1} on one lockspace")
    @MethodSource("pairs")
    void indirectLeasesInASharedLockspaceExcludeEachOther(Kind holder, Kind asker) throws Exception {
        try (TwoDaemons t = TwoDaemons.open(holder, asker)) {
            String space = t.shared().resolve("lockspace").toString();
            String lease = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
            Path file = Path.of(space, lease);
            assertEquals("ok", t.first().calls().createLockspace(space));
            assertEquals("ok", t.second().calls().createLockspace(space), "an existing directory is adopted");

            assertEquals("ok", t.first().calls().acquire(space, lease, LockCalls.AUTOCREATE));
            assertEquals(busy(lease), t.second().calls().acquire(space, lease, LockCalls.AUTOCREATE));
            assertEquals("WRITE", t.first().lock(FileKey.of(file)));

            assertEquals("ok", t.first().calls().release(space, lease));
            assertFalse(Files.exists(file), "the releasing daemon deleted its AUTOCREATE lease");
            assertEquals("ok", t.second().calls().acquire(space, lease, LockCalls.AUTOCREATE), "and the other recreated it");
            assertEquals("WRITE", t.second().lock(FileKey.of(file)));
        }
    }

    @ParameterizedTest(name = "{0} and {1} share a lease")
    @MethodSource("pairs")
    void aSharedLeaseFileOutlivesAllButTheLastRelease(Kind holder, Kind asker) throws Exception {
        try (TwoDaemons t = TwoDaemons.open(holder, asker)) {
            String space = t.shared().resolve("lockspace").toString();
            String lease = "shared-lease";
            Path file = Path.of(space, lease);
            int flags = LockCalls.SHARED | LockCalls.AUTOCREATE;
            assertEquals("ok", t.first().calls().createLockspace(space));
            assertEquals("ok", t.second().calls().createLockspace(space));
            assertEquals("ok", t.first().calls().acquire(space, lease, flags));
            assertEquals("ok", t.second().calls().acquire(space, lease, flags));

            assertEquals("ok", t.first().calls().release(space, lease));
            assertTrue(Files.exists(file), "the upgrade to a write lock failed: the other daemon still shares it (3.5)");
            assertEquals("READ", t.second().lock(FileKey.of(file)));
            assertEquals("ok", t.second().calls().release(space, lease));
            assertFalse(Files.exists(file), "the last sharer deletes it");
        }
    }
}
