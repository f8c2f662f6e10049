package org.virtlockd.itests.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtlockd.itests.osgi.Owners.owner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.test.common.annotation.InjectService;
import org.virtlockd.api.Lease;
import org.virtlockd.api.LockException;
import org.virtlockd.api.LockFlag;
import org.virtlockd.api.LockManager;
import org.virtlockd.api.LockOwner;
import org.virtlockd.api.LockSpaces;

/** The lock manager's rules, in the framework, on real files and fcntl locks. */
class LockManagerSemanticsTest {

    private static final Set<LockFlag> EXCLUSIVE = Set.of();
    private static final Set<LockFlag> SHARED = EnumSet.of(LockFlag.SHARED);
    private static final Set<LockFlag> AUTO = EnumSet.of(LockFlag.AUTOCREATE);
    private static final Set<LockFlag> SHARED_AUTO = EnumSet.of(LockFlag.SHARED, LockFlag.AUTOCREATE);

    @InjectService(timeout = 10_000)
    LockManager manager;

    @InjectService(timeout = 10_000)
    LockSpaces lockSpaces;

    @TempDir
    Path tmp;

    @AfterEach
    void releaseEverything() {
        for (int n = 1; n <= 4; n++) {
            manager.releaseAll(owner(n));
        }
    }

    @Test
    void exclusiveExcludesEveryoneAndSharedJoinsShared() {
        String ls = tmp.toString();
        manager.createLockspace(ls);
        Lease lease = manager.acquire(owner(1), ls, "disk", AUTO);
        assertEquals(List.of(lease), manager.leases());
        assertEquals("WRITE", FcntlState.ofThisProcess(tmp.resolve("disk")));
        assertError(87, 51, "Lockspace resource 'disk' is locked", () -> manager.acquire(owner(2), ls, "disk", AUTO));
        assertError(87, 51, "Lockspace resource 'disk' is locked", () -> manager.acquire(owner(2), ls, "disk", SHARED_AUTO));
        manager.release(owner(1), ls, "disk");
        assertFalse(Files.exists(tmp.resolve("disk")), "an autocreated file goes with its last release");

        manager.acquire(owner(2), ls, "disk", SHARED_AUTO);
        manager.acquire(owner(3), ls, "disk", SHARED_AUTO);
        assertEquals("READ", FcntlState.ofThisProcess(tmp.resolve("disk")));
        assertEquals(List.of(Owners.FIRST_PID + 2, Owners.FIRST_PID + 3), lockSpaces.resources(ls).get(0).owners());
        assertError(87, 51, "Lockspace resource 'disk' is locked", () -> manager.acquire(owner(4), ls, "disk", AUTO));
        manager.release(owner(2), ls, "disk");
        assertTrue(Files.exists(tmp.resolve("disk")), "still shared by owner 3");
        manager.release(owner(3), ls, "disk");
        assertEquals("none", FcntlState.ofThisProcess(tmp.resolve("disk")));
        assertEquals(List.of(), manager.leases());
    }

    @Test
    void defaultLockspaceNamesFilesWithoutAutocreate() throws Exception {
        Path file = Files.createFile(tmp.resolve("image.qcow2"));
        assertTrue(manager.lockspaceExists(""));
        manager.acquire(owner(1), "", file.toString(), EXCLUSIVE);
        assertEquals("WRITE", FcntlState.ofThisProcess(file));
        manager.release(owner(1), "", file.toString());
        assertTrue(Files.exists(file), "a file that was not autocreated stays");
        assertEquals("none", FcntlState.ofThisProcess(file));
    }

    @Test
    void errorsAreThoseOfTheProtocol() {
        String missing = tmp.resolve("missing").toString();
        assertError(1, 7, "Lockspace for path " + missing + " does not exist",
                () -> manager.acquire(owner(1), missing, "a", AUTO));
        assertError(55, 7, "the default lockspace already exists", () -> manager.newLockspace(""));
        String ls = tmp.resolve("named").toString();
        manager.newLockspace(ls);
        assertTrue(manager.lockspaceExists(ls));
        assertError(1, 7, "Lockspace for path " + ls + " already exists", () -> manager.newLockspace(ls));
        assertError(87, 51, "Lockspace resource 'a' is not locked", () -> manager.release(owner(1), ls, "a"));
        manager.acquire(owner(1), ls, "a", AUTO);
        assertError(1, 51, "owner " + (int) (Owners.FIRST_PID + 2) + " does not hold the resource lock",
                () -> manager.release(owner(2), ls, "a"));
        LockOwner unregistered = new LockOwner(owner(3).uuid(), "nobody", 0, Owners.FIRST_PID + 3);
        assertError(55, 7, "lock owner details have not been registered",
                () -> manager.acquire(unregistered, ls, "b", AUTO));
        manager.createResource(ls, "made");
        assertTrue(Files.exists(Path.of(ls, "made")));
        manager.deleteResource(ls, "made");
        assertFalse(Files.exists(Path.of(ls, "made")));
    }

    @Test
    void releaseAllTakesEverythingTheOwnerHoldsInEveryLockspace() throws Exception {
        String one = tmp.resolve("one").toString();
        String two = tmp.resolve("two").toString();
        manager.createLockspace(one);
        manager.createLockspace(two);
        Path file = Files.createFile(tmp.resolve("plain"));
        manager.acquire(owner(1), one, "a", AUTO);
        manager.acquire(owner(1), two, "b", SHARED_AUTO);
        manager.acquire(owner(1), "", file.toString(), EXCLUSIVE);
        manager.acquire(owner(2), two, "b", SHARED_AUTO);
        assertEquals(4, manager.leases().size());

        assertTrue(manager.releaseAll(owner(1)));
        assertEquals(List.of(), lockSpaces.resources(one));
        assertEquals(List.of(Owners.FIRST_PID + 2), lockSpaces.resources(two).get(0).owners());
        assertEquals("none", FcntlState.ofThisProcess(file));
        assertEquals(1, manager.leases().size());
        assertFalse(manager.releaseAll(owner(1)), "nothing left to release");
    }

    private static void assertError(int code, int domain, String detail, Executable call) {
        LockException e = assertThrows(LockException.class, call);
        assertEquals(code + "/" + domain + " " + detail, e.code() + "/" + e.domain() + " " + e.detail());
    }
}
