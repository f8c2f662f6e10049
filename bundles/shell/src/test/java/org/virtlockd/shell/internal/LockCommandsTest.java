package org.virtlockd.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.virtlockd.api.LockFlag;
import org.virtlockd.api.ResourceInfo;

class LockCommandsTest {

    private static final Instant T = Instant.parse("2026-01-02T03:04:05.678Z");

    private final FakeLockSpaces spaces = new FakeLockSpaces()
            .add(new ResourceInfo("", "/data/disk.img", "/data/disk.img", Set.of(), List.of(4242L), 7, T))
            .add(new ResourceInfo("/leases", "abc", "/leases/abc", Set.of(LockFlag.SHARED, LockFlag.AUTOCREATE),
                    List.of(1L, 2L, 1L), 8, T))
            .lockspace("/empty");
    private final LockCommands commands = new LockCommands(spaces);

    @Test
    void lockspacesListsTheDefaultFirstWithCounts() {
        assertEquals("""
                LOCKSPACE  RESOURCES
                (default)  1
                /leases    1
                /empty     0
                """, commands.lockspaces().toString());
    }

    @Test
    void resourcesShowModeOwnersSinceAndPath() {
        assertEquals("""
                LOCKSPACE  NAME            MODE               OWNERS  SINCE                 PATH
                (default)  /data/disk.img  exclusive          4242    2026-01-02T03:04:05Z  /data/disk.img
                /leases    abc             shared+autocreate  1,2,1   2026-01-02T03:04:05Z  /leases/abc
                """, commands.resources().toString());
    }

    @Test
    void resourcesOfOneLockspace() {
        assertEquals(List.of(List.of("/leases", "abc", "shared+autocreate", "1,2,1", "2026-01-02T03:04:05Z", "/leases/abc")),
                commands.resources("/leases").rows());
        assertEquals(1, commands.resources("").rows().size(), "\"\" names the default lockspace");
        assertEquals(List.of(), commands.resources("/empty").rows());
    }

    @Test
    void anUnknownLockspaceIsTheUsersMistake() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> commands.resources("/nope"));
        assertEquals("no lockspace '/nope' (lockd:lockspaces lists them)", e.getMessage());
    }

    @Test
    void withoutTheLockServiceTheCommandsSaySo() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new LockCommands().lockspaces());
        assertEquals("the lock service (bundle org.virtlockd.lockspace) is not running", e.getMessage());
    }
}
