package org.virtlockd.itests.lockd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.virtlockd.itests.harness.Daemon.Kind;
import org.virtlockd.itests.harness.ProcLocks.FileKey;

/**
 * The holder rule (spec 3.7) as libvirt relies on it: the connection the plugin hands to the guest process
 * at start (sequence B) is the only thing that ties locks to the guest's life. Stop and crash send nothing
 * (sequence F); the daemon notices the holder's EOF, releases what its pid owns and signals it.
 */
class LockdHolderRuleTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aCrashedGuestLosesItsLocks(Kind kind) throws Exception {
        try (LockdFixture f = LockdFixture.open(kind)) {
            Path rw = f.disk("rw.img");
            Path shared = f.disk("shared.img");
            f.init(null);
            f.define("vm1", 1, rw.toString(), shared + " shared");
            f.driver.ok("start vm1");
            assertEquals("WRITE", f.lock(rw));

            assertEquals("signal 9", f.driver.ok("crash vm1"), "sequence F: QEMU dies, libvirtd sends nothing");
            assertTrue(f.awaitReleased(FileKey.of(rw)), "the daemon released the exclusive disk");
            assertTrue(f.awaitReleased(FileKey.of(shared)), "and the shared one");

            f.define("vm2", 2, rw.toString());
            f.driver.ok("start vm2");
            assertEquals("WRITE", f.lock(rw), "another guest may now use the disk");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aLiveHolderThatHangsUpIsTerminated(Kind kind) throws Exception {
        try (LockdFixture f = LockdFixture.open(kind)) {
            Path lease = f.sandbox.data().resolve("leases");
            Path rw = f.disk("rw.img");
            f.init(lease);
            f.define("vm1", 1, rw.toString());
            f.driver.ok("start vm1");
            FileKey key = FileKey.of(lease.resolve(LockdFixture.leaseName(rw)));
            assertEquals("WRITE", f.lock(key));

            assertEquals("signal 15", f.driver.ok("drop vm1"), "the daemon SIGTERMs a holder whose locks it released");
            assertEquals("none", f.lock(key), "locks are released before the signal");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aHolderOfNothingIsLeftAlone(Kind kind) throws Exception {
        try (LockdFixture f = LockdFixture.open(kind)) {
            Path rw = f.disk("rw.img");
            f.init(null);
            f.define("vm1", 1, rw.toString());
            f.driver.ok("start vm1 paused");
            long holder = f.driver.holderPid("vm1");

            assertEquals("error -1 -1 the holder did not die in time", f.driver.call("drop vm1 1500"),
                    "no resource lists the pid, so the daemon sends no signal");
            assertTrue(ProcessHandle.of(holder).map(ProcessHandle::isAlive).orElse(false));
            assertEquals("signal 9", f.driver.ok("crash vm1"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void stoppingTheDaemonTerminatesRunningGuests(Kind kind) throws Exception {
        try (LockdFixture f = LockdFixture.open(kind)) {
            Path rw = f.disk("rw.img");
            f.init(null);
            f.define("vm1", 1, rw.toString());
            f.define("vm2", 2);
            f.driver.ok("start vm1");
            f.driver.ok("start vm2 paused");

            assertEquals(0, f.daemon.stop(), "spec 3.9: a clean stop");
            assertEquals("signal 15", f.driver.ok("wait vm1 5000"), "the guest holding a lock is terminated");
            assertEquals("error -1 -1 the holder did not die in time", f.driver.call("wait vm2 500"),
                    "a guest holding nothing is not");
        }
    }
}
