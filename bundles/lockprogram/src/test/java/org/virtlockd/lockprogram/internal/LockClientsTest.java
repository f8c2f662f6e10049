package org.virtlockd.lockprogram.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtlockd.lockprogram.internal.Harness.assertOk;
import static org.virtlockd.protocol.LockProcedure.ACQUIRE_RESOURCE;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtlockd.lockprogram.ClientRegistration;
import org.virtlockd.lockprogram.LockClients;
import org.virtlockd.lockprogram.ProcedureCount;
import org.virtlockd.protocol.LockProcedure;

/** The read-only view the shell uses: registration, restriction and counters as the program sees them. */
class LockClientsTest {

    @TempDir
    Path tmp;

    private final Harness harness = new Harness();
    private final LockClients view = harness.program;

    @Test
    void aSessionThatNeverCalledHasNoRegistration() {
        assertEquals(Optional.empty(), view.registration(new FakeSession(1, 100)));
    }

    @Test
    void registrationFollowsRegisterAndRestrict() throws Exception {
        FakeSession session = new FakeSession(1, 100);
        assertOk(harness.createLockspace(session, tmp.toString()));
        ClientRegistration before = view.registration(session).orElseThrow();
        assertNull(before.owner());
        assertFalse(before.registered());
        assertFalse(before.restricted());

        assertOk(harness.register(session, 7, 4242));
        assertOk(harness.restrict(session));
        ClientRegistration after = view.registration(session).orElseThrow();
        assertEquals(Harness.owner(7, 4242), after.owner());
        assertTrue(after.registered());
        assertTrue(after.restricted());
        assertFalse(before.restricted(), "an earlier snapshot does not change");
    }

    @Test
    void aRefusedRegistrationLeavesTheSessionUnregistered() throws Exception {
        FakeSession session = new FakeSession(1, 100);
        assertNotNull(harness.register(session, 0, 4242).error(), "owner id 0 is refused");
        ClientRegistration r = view.registration(session).orElseThrow();
        assertNull(r.owner());
        assertFalse(r.registered());
        assertFalse(new ClientRegistration(Harness.owner(0, 4242), false).registered(), "libvirt 9.0.0 tests the owner id");
    }

    @Test
    void countersListEveryProcedureInNumberOrder() throws Exception {
        FakeSession session = new FakeSession(1, 100);
        harness.resource(session, ACQUIRE_RESOURCE, tmp.toString(), "r", 0);
        harness.call(session, 99, w -> { });
        List<ProcedureCount> counts = view.procedureCounts();
        assertEquals(LockProcedure.values().length, counts.size());
        for (int i = 0; i < counts.size(); i++) {
            assertEquals(LockProcedure.values()[i].name(), counts.get(i).procedure());
            assertEquals(LockProcedure.values()[i].number(), counts.get(i).number());
        }
        assertEquals(new ProcedureCount("ACQUIRE_RESOURCE", 6, 1, 1), counts.get(ACQUIRE_RESOURCE.number() - 1));
        assertEquals(1, view.unknownProcedureCalls());
    }
}
