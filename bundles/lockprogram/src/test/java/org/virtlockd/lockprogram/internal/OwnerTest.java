package org.virtlockd.lockprogram.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtlockd.lockprogram.internal.Harness.assertError;
import static org.virtlockd.lockprogram.internal.Harness.assertOk;
import static org.virtlockd.protocol.LockProcedure.ACQUIRE_RESOURCE;
import static org.virtlockd.protocol.LockProcedure.RELEASE_RESOURCE;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtlockd.api.ResourceInfo;
import org.virtlockd.protocol.LockProtocol;
import org.virtlockd.protocol.RpcError;

/** Owners of locks are registered pids: ACQUIRE and RELEASE on the real lockspace model (spec 2.2, 3.4, 3.5, 7.3). */
class OwnerTest {

    @TempDir
    Path tmp;

    private final Harness harness = new Harness();
    private String lockspace;

    @BeforeEach
    void createLockspace() throws Exception {
        lockspace = harness.lockspaceIn(tmp);
    }

    private List<Long> owners(String name) {
        return harness.lockSpaces.resources(lockspace).stream()
                .filter(r -> r.name().equals(name)).map(ResourceInfo::owners).findFirst().orElse(List.of());
    }

    @Test
    void registeredMeansANonZeroOwnerIdEvenWithPidZero() throws Exception {
        FakeSession session = new FakeSession(1, 100);
        assertOk(harness.register(session, 42, 0));
        assertOk(harness.resource(session, ACQUIRE_RESOURCE, lockspace, "r", LockProtocol.FLAG_AUTOCREATE));
        assertEquals(List.of(0L), owners("r"));
    }

    @Test
    void secondRegisterReplacesTheOwner() throws Exception {
        FakeSession session = new FakeSession(1, 100);
        assertOk(harness.register(session, 1, 111));
        assertOk(harness.register(session, 2, 222));
        assertOk(harness.resource(session, ACQUIRE_RESOURCE, lockspace, "r", LockProtocol.FLAG_AUTOCREATE));
        assertEquals(List.of(222L), owners("r"));
    }

    @Test
    void acquireRecordsTheRegisteredPidNotThePeerPid() throws Exception {
        FakeSession session = new FakeSession(1, 1111);
        assertOk(harness.register(session, 42, 4242));
        assertOk(harness.resource(session, ACQUIRE_RESOURCE, lockspace, "disk", LockProtocol.FLAG_AUTOCREATE));
        assertEquals(List.of(4242L), owners("disk"));
        assertTrue(Files.exists(Path.of(lockspace, "disk")));
    }

    @Test
    void releaseWorksFromAnyConnectionRegisteredWithTheOwnersPid() throws Exception {
        FakeSession acquirer = new FakeSession(1, 1111);
        harness.register(acquirer, 42, 4242);
        assertOk(harness.resource(acquirer, ACQUIRE_RESOURCE, lockspace, "disk", LockProtocol.FLAG_AUTOCREATE));

        FakeSession stranger = new FakeSession(2, 2222);
        harness.register(stranger, 43, 999);
        assertError(1, 51, "internal error: owner 999 does not hold the resource lock",
                harness.resource(stranger, RELEASE_RESOURCE, lockspace, "disk", 0));
        assertEquals(List.of(4242L), owners("disk"));

        FakeSession releaser = new FakeSession(3, 3333);
        harness.register(releaser, 42, 4242);
        assertOk(harness.resource(releaser, RELEASE_RESOURCE, lockspace, "disk", 0));
        assertEquals(List.of(), owners("disk"));
        assertFalse(Files.exists(Path.of(lockspace, "disk")), "autocreated file deleted on last release");
    }

    @Test
    void releaseAcceptsNoFlags() throws Exception {
        FakeSession session = new FakeSession(1, 100);
        harness.register(session, 42, 4242);
        assertError(8, 7, "unsupported flags (0x1) in function virLockSpaceProtocolDispatchReleaseResource",
                harness.resource(session, RELEASE_RESOURCE, lockspace, "disk", LockProtocol.FLAG_SHARED));
    }

    @Test
    void sharedAndExclusiveFlagsReachTheModel() throws Exception {
        FakeSession a = new FakeSession(1, 100);
        FakeSession b = new FakeSession(2, 200);
        harness.register(a, 1, 1001);
        harness.register(b, 2, 1002);
        int shared = LockProtocol.FLAG_SHARED | LockProtocol.FLAG_AUTOCREATE;
        assertOk(harness.resource(a, ACQUIRE_RESOURCE, lockspace, "s", shared));
        assertOk(harness.resource(b, ACQUIRE_RESOURCE, lockspace, "s", shared));
        assertEquals(List.of(1001L, 1002L), owners("s"));
        assertError(87, 51, "resource busy: Lockspace resource 's' is locked",
                harness.resource(b, ACQUIRE_RESOURCE, lockspace, "s", LockProtocol.FLAG_AUTOCREATE));
    }

    @Test
    void modelErrorsKeepTheirCodeAndDomain() throws Exception {
        FakeSession session = new FakeSession(1, 100);
        Path file = Files.createFile(tmp.resolve("plain-file"));
        assertError(1, 51, "internal error: Lockspace location " + file + " exists, but is not a directory",
                harness.createLockspace(session, file.toString()));

        harness.register(session, 42, 4242);
        String missing = tmp.resolve("no-such-image").toString();
        RpcError error = assertError(38, 51, "Unable to open resource " + missing + ": No such file or directory",
                harness.resource(session, ACQUIRE_RESOURCE, "", missing, 0));
        assertEquals("%s", error.str1());
        assertEquals(2, error.int1());
        assertEquals(-1, error.int2());
    }
}
