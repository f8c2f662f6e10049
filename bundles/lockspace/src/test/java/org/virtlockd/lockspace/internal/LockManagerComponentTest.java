package org.virtlockd.lockspace.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtlockd.api.Lease;
import org.virtlockd.api.LockException;
import org.virtlockd.api.LockFlag;
import org.virtlockd.api.LockOwner;
import org.virtlockd.filelock.internal.NativeFileLocks;

class LockManagerComponentTest {

    private static final Set<LockFlag> NONE = Set.of();

    @TempDir
    Path tmp;

    private final LockModel model = new LockModel(new NativeFileLocks(), new RecordingLog(), Clock.systemUTC());
    private final LockManagerComponent first = new LockManagerComponent(model);
    private final LockManagerComponent second = new LockManagerComponent(model);

    private static LockOwner owner(long id, long pid) {
        return new LockOwner(new UUID(0, id), "guest" + id, id, pid);
    }

    @Test
    void bothObjectsShareOneModelAndItsRules() {
        String ls = tmp.toString();
        first.createLockspace(ls);
        first.createResource(ls, "disk");
        Lease lease = first.acquire(owner(1, 100), ls, "disk", NONE);
        LockException busy = assertThrows(LockException.class, () -> second.acquire(owner(2, 200), ls, "disk", NONE));
        assertEquals(87, busy.code());
        assertEquals(51, busy.domain());
        assertEquals("Lockspace resource 'disk' is locked", busy.detail());
        assertEquals(List.of(lease), first.leases());
        assertEquals(List.of(), second.leases());
        assertEquals(List.of(100L), model.resources(ls).get(0).owners());
    }

    @Test
    void unregisteredOwnerIsRefusedAsOnTheWire() {
        LockException e = assertThrows(LockException.class,
                () -> first.acquire(owner(0, 100), "", tmp.resolve("f").toString(), NONE));
        assertEquals(55, e.code());
        assertEquals(7, e.domain());
        assertEquals("lock owner details have not been registered", e.detail());
        assertFalse(Files.exists(tmp.resolve("f")));
    }

    @Test
    void deactivationReleasesOnlyWhatThatObjectStillHolds() {
        String ls = tmp.toString();
        first.createLockspace(ls);
        first.acquire(owner(1, 100), ls, "a", EnumSet.of(LockFlag.SHARED, LockFlag.AUTOCREATE));
        first.acquire(owner(1, 100), ls, "b", EnumSet.of(LockFlag.AUTOCREATE));
        first.release(owner(1, 100), ls, "b");
        second.acquire(owner(2, 200), ls, "a", EnumSet.of(LockFlag.SHARED, LockFlag.AUTOCREATE));
        first.deactivate();
        assertEquals(List.of(), first.leases());
        assertEquals(List.of(200L), model.resources(ls).get(0).owners());
        assertTrue(Files.exists(tmp.resolve("a")));
        second.deactivate();
        assertEquals(List.of(), model.resources(ls));
        assertFalse(Files.exists(tmp.resolve("a")), "the last release deletes an autocreated file");
    }

    @Test
    void releaseAllTakesEverythingOfThePidAndDeactivationSkipsWhatIsGone() {
        String ls = tmp.toString();
        first.createLockspace(ls);
        first.acquire(owner(1, 100), ls, "a", EnumSet.of(LockFlag.AUTOCREATE));
        second.acquire(owner(9, 100), ls, "b", EnumSet.of(LockFlag.AUTOCREATE));
        assertTrue(first.releaseAll(owner(1, 100)));
        assertEquals(List.of(), first.leases());
        assertEquals(List.of(), model.resources(ls));
        assertFalse(first.releaseAll(owner(1, 100)));
        second.deactivate();
        assertEquals(List.of(), second.leases());
    }
}
