package org.virtlockd.lockspace.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtlockd.api.LockException;
import org.virtlockd.api.LockFlag;
import org.virtlockd.api.ResourceInfo;
import org.virtlockd.filelock.internal.NativeFileLocks;

/**
 * The lock model across a re-exec (spec 6.12): what it saves (libvirt's layout, every descriptor to keep), that
 * a second model in the same process takes the very descriptors over with owners and flags, and that a frozen
 * model makes changes wait.
 */
class ModelStateTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    @TempDir
    Path tmp;

    private final RecordingLog log = new RecordingLog();
    private final NativeFileLocks files = new NativeFileLocks();

    private LockModel model() {
        return new LockModel(files, log, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void savesLibvirtsLayoutAndRestoresTheSameDescriptors() {
        LockModel before = model();
        String disk = tmp.resolve("disk.img").toString();
        String space = tmp.resolve("space").toString();
        before.acquire("", disk, 7934, EnumSet.of(LockFlag.AUTOCREATE));
        before.createLockspace(space);
        before.acquire(space, "deadbeef", 7934, EnumSet.of(LockFlag.SHARED, LockFlag.AUTOCREATE));
        before.acquire(space, "deadbeef", 4242, EnumSet.of(LockFlag.SHARED, LockFlag.AUTOCREATE));
        Set<Integer> keep = new HashSet<>();
        Map<String, Object> saved = before.save(keep);

        assertEquals(List.of("defaultLockspace", "lockspaces"), List.copyOf(saved.keySet()));
        @SuppressWarnings("unchecked")
        Map<String, Object> defaultLockspace = (Map<String, Object>) saved.get("defaultLockspace");
        assertFalse(defaultLockspace.containsKey("directory"), "the default lockspace has no directory");
        int diskFd = before.resources("").get(0).fd();
        int leaseFd = before.resources(space).get(0).fd();
        assertEquals(List.of(Map.of("name", disk, "path", disk, "fd", diskFd, "lockHeld", true, "flags", 2,
                "owners", List.of(7934L))), defaultLockspace.get("resources"));
        assertEquals(List.of(Map.of("directory", space, "resources", List.of(Map.of("name", "deadbeef",
                "path", space + "/deadbeef", "fd", leaseFd, "lockHeld", true, "flags", 3,
                "owners", List.of(7934L, 4242L))))), saved.get("lockspaces"));
        assertEquals(Set.of(diskFd, leaseFd), keep);

        LockModel after = model();
        after.restore(saved);
        List<ResourceInfo> restored = after.resources(space);
        assertEquals(1, restored.size());
        assertEquals(leaseFd, restored.get(0).fd(), "the same descriptor, never reopened");
        assertEquals(List.of(7934L, 4242L), restored.get(0).owners());
        assertEquals(diskFd, after.resources("").get(0).fd());
        LockException busy = assertThrows(LockException.class,
                () -> after.acquire("", disk, 1, EnumSet.noneOf(LockFlag.class)));
        assertEquals(87, busy.code(), "the restored resource is held");
        after.release(space, "deadbeef", 4242);
        after.release(space, "deadbeef", 7934);
        assertTrue(after.resources(space).isEmpty());
        assertTrue(after.releaseAll(7934), "the restored owner's resources go with the holder rule");
        assertTrue(after.resources("").isEmpty());
    }

    @Test
    void aResourceWhoseDescriptorIsGoneIsReportedAndLeftOut() {
        Map<String, Object> res = new LinkedHashMap<>();
        res.put("name", "/nowhere");
        res.put("path", "/nowhere");
        res.put("fd", 987_654);
        res.put("lockHeld", true);
        res.put("flags", 0);
        res.put("owners", List.of(1L));
        LockModel after = model();
        after.restore(Map.of("defaultLockspace", Map.of("resources", List.of(res)), "lockspaces", List.of()));
        assertTrue(after.resources("").isEmpty());
        assertTrue(log.lines.stream().anyMatch(w -> w.startsWith("WARN Dropping resource /nowhere")), log.lines.toString());
    }

    @Test
    void aMalformedStateIsRefusedAsAWhole() {
        LockModel after = model();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> after.restore(Map.of("lockspaces", "not an array")));
        assertEquals("Malformed lockspaces data in JSON document: not an array", e.getMessage());
    }

    @Test
    void aFrozenModelMakesChangesWaitUntilResumed() throws Exception {
        LockModel model = model();
        model.freeze();
        String disk = tmp.resolve("late.img").toString();
        CompletableFuture<Void> late = CompletableFuture.runAsync(
                () -> model.acquire("", disk, 5, EnumSet.of(LockFlag.AUTOCREATE)));
        assertThrows(TimeoutException.class, () -> late.get(200, TimeUnit.MILLISECONDS), "waits while frozen");
        assertTrue(model.resources("").isEmpty(), "reads still work and see no change");
        model.resume();
        late.get(10, TimeUnit.SECONDS);
        assertEquals(1, model.resources("").size());
        model.release("", disk, 5);
    }
}
