package org.virtlockd.lockprogram.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.virtlockd.lockprogram.internal.Harness.assertOk;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtlockd.protocol.LockProcedure;
import org.virtlockd.protocol.LockProtocol;
import org.virtlockd.protocol.RegisterArgs;
import org.virtlockd.protocol.XdrReader;

/** Spec 3.7: only a connection whose peer is the registered owner process takes the owner's locks along. */
class HolderRuleTest {

    @TempDir
    Path tmp;

    private final Harness harness = new Harness();
    private String lockspace;

    @BeforeEach
    void createLockspace() throws Exception {
        lockspace = tmp.resolve("ls").toString();
        assertOk(harness.createLockspace(new FakeSession(99, 99), lockspace));
    }

    private void acquire(FakeSession session, long pid) throws Exception {
        assertOk(harness.register(session, 42, pid));
        assertOk(harness.resource(session, LockProcedure.ACQUIRE_RESOURCE, lockspace, "disk",
                LockProtocol.FLAG_AUTOCREATE));
    }

    private int held() {
        return harness.lockSpaces.resources(lockspace).size();
    }

    @Test
    void holderConnectionReleasesAndFencesItsPidOnce() throws Exception {
        FakeSession holder = new FakeSession(1, 4242);
        acquire(holder, 4242);
        harness.program.sessionClosed(holder);
        assertEquals(List.of(4242L), harness.fencing.pids());
        assertEquals(0, held());
        assertEquals(0, holder.attachmentCount(), "state dropped with the session");
    }

    @Test
    void restrictedHolderIsStillAHolder() throws Exception {
        FakeSession holder = new FakeSession(1, 4242);
        assertOk(harness.register(holder, 42, 4242));
        assertOk(harness.restrict(holder));
        FakeSession libvirtd = new FakeSession(2, 1000);
        acquire(libvirtd, 4242);
        harness.program.sessionClosed(libvirtd);
        assertEquals(List.of(), harness.fencing.pids());
        assertEquals(1, held(), "a non-holder's close leaves the lock");
        harness.program.sessionClosed(holder);
        assertEquals(List.of(4242L), harness.fencing.pids());
        assertEquals(0, held());
    }

    @Test
    void nonHolderConnectionLeavesItsLocks() throws Exception {
        FakeSession libvirtd = new FakeSession(1, 1000);
        acquire(libvirtd, 4242);
        harness.program.sessionClosed(libvirtd);
        assertEquals(List.of(), harness.fencing.pids());
        assertEquals(1, held());
    }

    @Test
    void unregisteredOrRefusedConnectionsFenceNothing() throws Exception {
        harness.program.sessionClosed(new FakeSession(1, 4242));
        FakeSession refused = new FakeSession(2, 4242);
        harness.register(refused, 0, 4242);
        harness.program.sessionClosed(refused);
        FakeSession zero = new FakeSession(3, 0);
        assertOk(harness.register(zero, 42, 0));
        harness.program.sessionClosed(zero);
        assertEquals(List.of(), harness.fencing.pids());
    }

    @Test
    void aFencingFailureIsLoggedNotThrown() throws Exception {
        LockProgramComponent program = new LockProgramComponent(harness.lockSpaces, pid -> {
            throw new IllegalStateException("boom");
        }, harness.log);
        FakeSession holder = new FakeSession(1, 4242);
        program.call(holder, Harness.header(1, 0), new XdrReader(
                Harness.encode(new RegisterArgs(Harness.owner(42, 4242), 0)::encode)));
        program.sessionClosed(holder);
        assertEquals(List.of("releasing the locks of owner 4242 failed: boom"), harness.log.errors);
    }
}
