package org.virtlockd.lockspace.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.virtlockd.api.LockException;
import org.virtlockd.api.LockFlag;
import org.virtlockd.api.LockspaceInfo;
import org.virtlockd.api.ResourceInfo;
import org.virtlockd.filelock.FileLocks;
import org.virtlockd.filelock.internal.NativeFileLocks;

class LockModelTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private static final Set<LockFlag> NONE = Set.of();
    private static final Set<LockFlag> SHARED = EnumSet.of(LockFlag.SHARED);
    private static final Set<LockFlag> SHARED_AUTOCREATE = EnumSet.of(LockFlag.SHARED, LockFlag.AUTOCREATE);

    @TempDir
    Path tmp;

    private final RecordingLog log = new RecordingLog();
    private final LockModel model = model(new NativeFileLocks());

    private LockModel model(FileLocks files) {
        return new LockModel(files, log, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private String lockspace(String name) {
        String dir = tmp.resolve(name).toString();
        model.createLockspace(dir);
        return dir;
    }

    @Test
    void unknownLockspaceIsAnRpcDomainError() {
        String path = tmp.resolve("nowhere").toString();
        assertFalse(model.exists(path));
        for (Executable call : List.<Executable>of(() -> model.acquire(path, "a", 1, NONE),
                () -> model.release(path, "a", 1), () -> model.createResource(path, "a"),
                () -> model.deleteResource(path, "a"), () -> model.resources(path))) {
            assertError(1, 7, "Lockspace for path " + path + " does not exist", call);
        }
    }

    @Test
    void defaultLockspaceAlwaysExists() {
        assertTrue(model.exists(""));
        model.createLockspace("");
        assertError(55, 7, "the default lockspace already exists", () -> model.newLockspace(""));
        assertEquals(List.of(new LockspaceInfo("", 0)), model.lockspaces());
    }

    @Test
    void createLockspaceIsIdempotentAndNewIsNot() {
        String dir = lockspace("ls");
        model.createLockspace(dir);
        assertError(1, 7, "Lockspace for path " + dir + " already exists", () -> model.newLockspace(dir));
        String fresh = tmp.resolve("fresh/nested").toString();
        model.newLockspace(fresh);
        assertTrue(Files.isDirectory(Path.of(fresh)));
        assertEquals(List.of("", dir, fresh), model.lockspaces().stream().map(LockspaceInfo::path).toList());
    }

    @Test
    void lockspaceKeysAreNotNormalised() {
        String plain = lockspace("ls");
        String slash = plain + "/";
        assertFalse(model.exists(slash));
        model.createLockspace(slash);
        model.acquire(slash, "r", 1, Set.of(LockFlag.AUTOCREATE));
        assertEquals(plain + "//r", model.resources(slash).get(0).path());
        assertEquals(List.of(), model.resources(plain));
        model.acquire(plain, "r", 1, NONE);
        assertEquals(2, model.lockspaces().stream().mapToInt(LockspaceInfo::resources).sum());
    }

    @Test
    void lockspaceOnAFileIsRefused() throws Exception {
        String file = Files.writeString(tmp.resolve("file"), "").toString();
        assertError(1, 51, "Lockspace location " + file + " exists, but is not a directory",
                () -> model.createLockspace(file));
        LockException e = assertThrows(LockException.class, () -> model.createLockspace(file + "/sub"));
        assertEquals(38, e.code());
        assertEquals(51, e.domain());
        assertEquals("Unable to create lockspace " + file + "/sub: Not a directory", e.getMessage());
        assertFalse(model.exists(file + "/sub"));
    }

    @Test
    void newLockspaceIgnoresAFailedMkdirAsLibvirtDoes() throws Exception {
        String below = Files.writeString(tmp.resolve("file"), "").toString() + "/sub";
        model.newLockspace(below);
        assertFalse(model.exists(below));
        assertEquals(List.of("WARN Unable to create lockspace " + below + ": Not a directory"), log.lines);
    }

    @Test
    void releaseErrors() {
        String dir = lockspace("ls");
        assertError(87, 51, "Lockspace resource 'r' is not locked", () -> model.release(dir, "r", 1));
        model.acquire(dir, "r", 10, Set.of(LockFlag.AUTOCREATE));
        assertError(1, 51, "owner 11 does not hold the resource lock", () -> model.release(dir, "r", 11));
        assertError(1, 51, "owner -1 does not hold the resource lock", () -> model.release(dir, "r", 4294967295L));
        model.release(dir, "r", 10);
        assertEquals(List.of(), model.resources(dir));
    }

    @Test
    void sharedOwnersAreAMultisetInOrder() {
        String dir = lockspace("ls");
        model.acquire(dir, "r", 10, SHARED_AUTOCREATE);
        model.acquire(dir, "r", 20, SHARED);
        model.acquire(dir, "r", 10, SHARED);
        ResourceInfo info = model.resources(dir).get(0);
        assertEquals(List.of(10L, 20L, 10L), info.owners());
        assertEquals(SHARED_AUTOCREATE, info.flags(), "the first acquirer's flags are kept");
        assertEquals(NOW, info.acquiredAt());
        assertEquals(dir + "/r", info.path());
        assertTrue(info.fd() >= 0);
        model.release(dir, "r", 10);
        assertEquals(List.of(20L, 10L), model.resources(dir).get(0).owners());
    }

    @Test
    void exclusiveInvolvementIsAlwaysBusy() {
        String dir = lockspace("ls");
        model.createResource(dir, "shared");
        model.createResource(dir, "excl");
        model.acquire(dir, "shared", 1, SHARED);
        model.acquire(dir, "excl", 1, NONE);
        assertError(87, 51, "Lockspace resource 'shared' is locked", () -> model.acquire(dir, "shared", 1, NONE));
        assertError(87, 51, "Lockspace resource 'excl' is locked", () -> model.acquire(dir, "excl", 1, SHARED));
        assertError(87, 51, "Lockspace resource 'excl' is locked", () -> model.createResource(dir, "excl"));
    }

    @Test
    void sameNameInTwoLockspacesIsTwoResources() {
        String one = lockspace("one");
        String two = lockspace("two");
        model.acquire(one, "r", 1, Set.of(LockFlag.AUTOCREATE));
        model.acquire(two, "r", 1, Set.of(LockFlag.AUTOCREATE));
        model.deleteResource("", one + "/x");
        assertError(87, 51, "Lockspace resource 'r' is locked", () -> model.deleteResource(two, "r"));
    }

    @Test
    void releaseAllRemovesThePidOnceEverywhere() throws Exception {
        String dir = lockspace("ls");
        Path disk = Files.writeString(tmp.resolve("disk"), "");
        model.acquire(dir, "twice", 7, SHARED_AUTOCREATE);
        model.acquire(dir, "twice", 7, SHARED);
        model.acquire(dir, "shared", 7, SHARED_AUTOCREATE);
        model.acquire(dir, "shared", 8, SHARED);
        model.acquire(dir, "other", 8, SHARED_AUTOCREATE);
        model.acquire("", disk.toString(), 7, NONE);
        assertTrue(model.releaseAll(7));
        assertEquals(List.of("twice=[7]", "shared=[8]", "other=[8]"), owners(dir));
        assertEquals(List.of(), model.resources(""));
        assertEquals(List.of(), OwnLocks.on(disk));
        assertTrue(Files.exists(disk), "direct resources are never deleted");
        assertTrue(model.releaseAll(7), "the second occurrence");
        assertFalse(Files.exists(Path.of(dir, "twice")));
        assertFalse(model.releaseAll(7));
        assertTrue(model.releaseAll(8));
        assertEquals(List.of(), model.resources(dir));
        assertFalse(Files.exists(Path.of(dir, "shared")));
    }

    @Test
    void sharedAutocreateFileStaysWhenTheUpgradeFails() {
        LockModel blocked = model(new ForwardingFileLocks(new NativeFileLocks()) {
            @Override
            public boolean tryUpgrade(org.virtlockd.filelock.LockedFile file) {
                return false; // as when another host still shares the lease
            }
        });
        String dir = tmp.resolve("ls").toString();
        blocked.createLockspace(dir);
        blocked.acquire(dir, "lease", 1, SHARED_AUTOCREATE);
        blocked.release(dir, "lease", 1);
        assertTrue(Files.exists(Path.of(dir, "lease")));
        assertEquals(List.of("DEBUG Could not upgrade shared lease to exclusive, not deleting " + dir + "/lease"),
                log.lines);
    }

    @Test
    void unlinkFailureOnFreeIsOnlyLogged() throws Exception {
        LockModel failing = model(new ForwardingFileLocks(new NativeFileLocks()) {
            @Override
            public void unlink(String path) {
                throw LockException.system(51, 13, "Permission denied", "Unable to delete lockspace resource " + path);
            }
        });
        String dir = tmp.resolve("ls").toString();
        failing.createLockspace(dir);
        failing.acquire(dir, "lease", 1, Set.of(LockFlag.AUTOCREATE));
        failing.release(dir, "lease", 1);
        assertEquals(List.of(), failing.resources(dir));
        assertEquals(List.of(), OwnLocks.on(Path.of(dir, "lease")), "the descriptor was closed anyway");
        assertEquals(List.of("WARN Failed to unlink resource " + dir + "/lease: Permission denied"), log.lines);
    }

    @Test
    void freeAllUnlocksAndDeletesAutocreatedFiles() throws Exception {
        String dir = lockspace("ls");
        Path disk = Files.writeString(tmp.resolve("disk"), "");
        model.acquire(dir, "lease", 1, Set.of(LockFlag.AUTOCREATE));
        model.acquire("", disk.toString(), 1, SHARED);
        model.freeAll();
        assertFalse(Files.exists(Path.of(dir, "lease")));
        assertTrue(Files.exists(disk));
        assertEquals(List.of(), OwnLocks.on(disk));
        assertEquals(List.of(new LockspaceInfo("", 0), new LockspaceInfo(dir, 0)), model.lockspaces());
    }

    private List<String> owners(String dir) {
        return model.resources(dir).stream().map(r -> r.name() + "=" + r.owners()).toList();
    }

    private static void assertError(int code, int domain, String detail, Executable call) {
        LockException e = assertThrows(LockException.class, call);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(domain, e.domain(), e.getMessage());
        assertEquals(detail, e.detail());
        assertFalse(e.isSystemError());
    }
}
