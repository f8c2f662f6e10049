package org.virtlockd.itests.reexec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.virtlockd.itests.harness.Cleanups;
import org.virtlockd.itests.harness.Daemon;
import org.virtlockd.itests.harness.Daemon.Kind;
import org.virtlockd.itests.harness.LockCalls;
import org.virtlockd.itests.harness.ProcLocks;
import org.virtlockd.itests.harness.Sandbox;

/**
 * Issue 5 (b): libvirt's virtlockd and ours replace each other by re-exec, live, in both directions. The daemon
 * is started through a symlink (its argv[0]); before each SIGUSR1 the link is re-pointed, so the exec runs the
 * other implementation: libvirt's, then ours, libvirt's again, ours again. Each time the same process keeps
 * every lock (in {@code /proc/locks} under its pid, and refused to another process), and the holder
 * connections keep working: their locks are reported as held to other clients, and they take new ones. (Our
 * bin/virtlockd execs the JVM, so after an exec into ours the process image is java.)
 */
class ReexecSwapTest {

    @Test
    void libvirtToOursToLibvirtToOurs() throws Exception {
        Path libvirt = Kind.LIBVIRT.executable();
        Path ours = Kind.OURS.executable();
        try (Cleanups cleanups = new Cleanups(); Sandbox sandbox = Sandbox.create()) {
            Path link = Restarts.link(sandbox, libvirt);
            long owner = Restarts.owner(cleanups);
            List<Path> disks = Restarts.disks(sandbox, "disk.img", "shared.iso");
            Path disk = disks.get(0);
            Path shared = disks.get(1);
            Path space = sandbox.data().resolve("lockspace");
            Daemon d = cleanups.add(Daemon.startAt(link, Kind.LIBVIRT, sandbox));
            Restarts.awaitServing(sandbox, d.process());
            assertEquals(libvirt.toRealPath(), Restarts.image(d.pid()).toRealPath());
            Restarts.Holders holders = Restarts.Holders.take(cleanups, sandbox, owner, disk, shared, space);
            LockCalls vm1 = holders.vm1();
            LockCalls vm2 = holders.vm2();
            List<Path> held = holders.held();
            int step = 0;
            for (Path next : List.of(ours, libvirt, ours)) {
                step++;
                Restarts.link(sandbox, next);
                d.signal("USR1");
                Path expected = (next.equals(ours) ? Path.of(System.getProperty("java.home"), "bin", "java") : libvirt).toRealPath();
                Restarts.await("the exec into " + next, () -> expected.equals(safeImage(d.pid())));
                Restarts.awaitServing(sandbox, d.process());
                String where = "after swap " + step + " into " + next;
                for (Path f : held) {
                    assertTrue(ProcLocks.held(d.pid(), ProcLocks.FileKey.of(f)).isPresent(), f + " locked by the daemon " + where);
                    assertFalse(Restarts.freeForOthers(f), f + " refused to another process " + where);
                }
                try (LockCalls other = LockCalls.connect(sandbox.lockSocket())) {
                    assertEquals("ok", other.register("other", 9, owner));
                    assertTrue(other.acquire("", disk.toString(), 0).startsWith("error 87 "), "disk still locked " + where);
                    assertEquals("ok", other.acquire("", shared.toString(), LockCalls.SHARED), "shared still shared " + where);
                    assertEquals("ok", other.release("", shared.toString()));
                }
                assertTrue(vm1.ping(Restarts.SERVE_TIMEOUT), "vm1's connection kept " + where);
                assertTrue(vm2.ping(Restarts.SERVE_TIMEOUT), "vm2's connection kept " + where);
                String lease = "hotplug-" + step;
                assertEquals("ok", vm1.acquire(space.toString(), lease, LockCalls.AUTOCREATE), "vm1 takes a new lease " + where);
                assertEquals("ok", vm1.release(space.toString(), lease), "and releases it " + where);
            }
            assertEquals("ok", vm1.release("", disk.toString()), "the holder still owns its lock after three swaps");
            assertTrue(Restarts.freeForOthers(disk), "released for real");
            assertEquals(0, d.stop());
        }
    }

    private static Path safeImage(long pid) {
        try {
            return Restarts.image(pid).toRealPath();
        } catch (java.io.IOException e) {
            return null; // between two images
        }
    }
}
