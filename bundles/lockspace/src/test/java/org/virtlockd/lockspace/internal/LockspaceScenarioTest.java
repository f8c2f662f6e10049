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

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.virtlockd.api.LockException;
import org.virtlockd.api.LockFlag;
import org.virtlockd.filelock.internal.NativeFileLocks;

/**
 * The scenarios of libvirt's {@code tests/virlockspacetest.c}, each on a fresh directory, on the real
 * file-lock backend: creation, resource lifecycle, exclusive, shared, autocreate exclusive and shared,
 * and a full path in the default lockspace.
 */
class LockspaceScenarioTest {

    private static final long OWNER = 4242;
    private static final Set<LockFlag> EXCLUSIVE = Set.of();
    private static final Set<LockFlag> SHARED = EnumSet.of(LockFlag.SHARED);
    private static final Set<LockFlag> AUTOCREATE = EnumSet.of(LockFlag.AUTOCREATE);
    private static final Set<LockFlag> SHARED_AUTOCREATE = EnumSet.of(LockFlag.SHARED, LockFlag.AUTOCREATE);

    @TempDir
    Path tmp;

    private LockModel model;
    private String dir;
    private Path foo;

    @BeforeEach
    void setUp() {
        model = new LockModel(new NativeFileLocks(), ModelLog.NONE, Clock.systemUTC());
        dir = tmp.resolve("virlockspacedata").toString();
        foo = Path.of(dir, "foo");
    }

    @Test
    void creation() {
        model.createLockspace(dir);
        assertTrue(Files.isDirectory(Path.of(dir)));
        assertTrue(model.exists(dir));
    }

    @Test
    void resourceLifecycle() {
        model.createLockspace(dir);
        model.createResource(dir, "foo");
        assertTrue(Files.exists(foo));
        model.deleteResource(dir, "foo");
        assertFalse(Files.exists(foo));
    }

    @Test
    void exclusiveLock() throws Exception {
        model.createLockspace(dir);
        model.createResource(dir, "foo");
        model.acquire(dir, "foo", OWNER, EXCLUSIVE);
        assertTrue(Files.exists(foo));
        assertEquals(List.of("WRITE 0 0"), OwnLocks.on(foo));
        assertLocked("foo", () -> model.acquire(dir, "foo", OWNER, EXCLUSIVE));
        assertLocked("foo", () -> model.deleteResource(dir, "foo"));
        model.release(dir, "foo", OWNER);
        assertEquals(List.of(), OwnLocks.on(foo));
        assertTrue(Files.exists(foo), "a resource that was not autocreated stays");
        model.deleteResource(dir, "foo");
        assertFalse(Files.exists(foo));
    }

    @Test
    void sharedLock() throws Exception {
        model.createLockspace(dir);
        model.createResource(dir, "foo");
        model.acquire(dir, "foo", OWNER, SHARED);
        assertEquals(List.of("READ 0 0"), OwnLocks.on(foo));
        assertLocked("foo", () -> model.acquire(dir, "foo", OWNER, EXCLUSIVE));
        model.acquire(dir, "foo", OWNER, SHARED);
        assertEquals(List.of(OWNER, OWNER), model.resources(dir).get(0).owners());
        assertLocked("foo", () -> model.deleteResource(dir, "foo"));
        model.release(dir, "foo", OWNER);
        assertLocked("foo", () -> model.deleteResource(dir, "foo"));
        model.release(dir, "foo", OWNER);
        assertEquals(List.of(), OwnLocks.on(foo));
        model.deleteResource(dir, "foo");
        assertFalse(Files.exists(foo));
    }

    @Test
    void exclusiveAutocreate() throws Exception {
        model.createLockspace(dir);
        model.createResource(dir, "foo");
        model.acquire(dir, "foo", OWNER, AUTOCREATE);
        assertTrue(Files.exists(foo));
        assertEquals(List.of("WRITE 0 0"), OwnLocks.on(foo));
        model.release(dir, "foo", OWNER);
        assertFalse(Files.exists(foo));
    }

    @Test
    void sharedAutocreate() throws Exception {
        model.createLockspace(dir);
        model.createResource(dir, "foo");
        model.acquire(dir, "foo", OWNER, SHARED_AUTOCREATE);
        assertTrue(Files.exists(foo));
        assertLocked("foo", () -> model.acquire(dir, "foo", OWNER, AUTOCREATE));
        assertTrue(Files.exists(foo));
        model.acquire(dir, "foo", OWNER, SHARED_AUTOCREATE);
        assertTrue(Files.exists(foo));
        model.release(dir, "foo", OWNER);
        assertTrue(Files.exists(foo), "one shared owner is left");
        assertEquals(List.of("READ 0 0"), OwnLocks.on(foo));
        model.release(dir, "foo", OWNER);
        assertFalse(Files.exists(foo));
    }

    @Test
    void fullPathInTheDefaultLockspace() throws Exception {
        Files.createDirectory(Path.of(dir));
        String path = foo.toString();
        model.createResource("", path);
        model.acquire("", path, OWNER, EXCLUSIVE);
        assertTrue(Files.exists(foo));
        assertEquals(path, model.resources("").get(0).path());
        assertLocked(path, () -> model.acquire("", path, OWNER, EXCLUSIVE));
        assertLocked(path, () -> model.deleteResource("", path));
        model.release("", path, OWNER);
        model.deleteResource("", path);
        assertFalse(Files.exists(foo));
    }

    private static void assertLocked(String name, Executable call) {
        LockException e = assertThrows(LockException.class, call);
        assertEquals(87, e.code());
        assertEquals(51, e.domain());
        assertEquals("Lockspace resource '" + name + "' is locked", e.detail());
    }
}
