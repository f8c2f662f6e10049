package org.virtlockd.itests.reexec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.virtlockd.itests.harness.Cleanups;
import org.virtlockd.itests.harness.Daemon;
import org.virtlockd.itests.harness.Daemon.Kind;
import org.virtlockd.itests.harness.Guest;
import org.virtlockd.itests.harness.LockCalls;
import org.virtlockd.itests.harness.ProcLocks;
import org.virtlockd.itests.harness.ProcLocks.FileKey;
import org.virtlockd.itests.harness.Sandbox;
import org.virtlockd.itests.harness.WireClient;

/**
 * Issue 5 (c), (d) and the failure paths where ours is safer than libvirt 9.0's daemon, which exits and drops
 * every lock in each of these cases: a lock-holding guest killed during the exec window (its session ends
 * through the holder rule, everything else is restored), a burst of SIGUSR1 (deferred, never fatal), and a
 * state file that cannot be written (the re-exec is abandoned and the daemon goes on serving).
 */
class ReexecSafetyTest {

    private Cleanups cleanups;
    private Sandbox sandbox;
    private Daemon daemon;
    private Guest guest;
    private Path guestDisk;
    private Path otherDisk;
    private LockCalls holder;

    @BeforeEach
    void start() throws Exception {
        cleanups = new Cleanups();
        sandbox = cleanups.add(Sandbox.create());
        List<Path> disks = Restarts.disks(sandbox, "guest.img", "other.img");
        guestDisk = disks.get(0);
        otherDisk = disks.get(1);
        daemon = cleanups.add(Daemon.startAt(Restarts.link(sandbox, Kind.OURS.executable()), Kind.OURS, sandbox));
        Restarts.awaitServing(sandbox, daemon.process());
        guest = cleanups.add(Guest.holding(sandbox.lockSocket(), guestDisk));
        long owner = Restarts.owner(cleanups);
        holder = cleanups.add(LockCalls.connect(sandbox.lockSocket()));
        assertEquals("ok", holder.register("vm2", 2, owner));
        assertEquals("ok", holder.acquire("", otherDisk.toString(), 0));
    }

    @AfterEach
    void stop() throws Exception {
        cleanups.close();
    }

    @Test
    void aGuestKilledDuringTheExecWindowIsFencedAndEverythingElseRestored() throws Exception {
        Path state = sandbox.runDir().resolve(Restarts.STATE_FILE);
        daemon.signal("USR1");
        // The old image writes the state only once it stopped serving; the new one removes it when it reads it.
        Restarts.await("the state file", () -> Files.exists(state));
        guest.close();
        assertTrue(Files.exists(state), "the guest died inside the exec window");
        Restarts.await("re-exec 1", () -> Restarts.count(daemon.pid()) == 1);
        Restarts.awaitServing(sandbox, daemon.process());
        assertTrue(ProcLocks.awaitReleased(daemon.pid(), FileKey.of(guestDisk), Restarts.SERVE_TIMEOUT),
                "the dead guest's lock is released by the holder rule");
        assertTrue(Restarts.freeForOthers(guestDisk), "and free for others");
        assertEquals("WRITE", ProcLocks.byteZero(daemon.pid(), FileKey.of(otherDisk)), "the other holder's lock is kept");
        assertFalse(Restarts.freeForOthers(otherDisk));
        assertTrue(holder.ping(Restarts.SERVE_TIMEOUT), "the other holder's connection is kept");
        assertTrue(daemon.awaitOutput("exited during the re-exec", Duration.ofSeconds(10)), daemon.output());
        assertEquals(0, daemon.stop());
    }

    @Test
    void aBurstOfSignalsIsDeferredNeverFatal() throws Exception {
        for (int i = 0; i < 6; i++) {
            daemon.signal("USR1");
            Thread.sleep(40);
        }
        // Some arrive while the old image freezes or the new one starts: they are deferred, never fatal.
        Restarts.await("a re-exec", () -> Restarts.count(daemon.pid()) >= 1);
        Restarts.awaitServing(sandbox, daemon.process());
        Thread.sleep(3000); // let deferred requests run their re-execs
        Restarts.awaitServing(sandbox, daemon.process());
        assertTrue(daemon.process().isAlive(), "the daemon survives the burst");
        assertEquals("WRITE", ProcLocks.byteZero(daemon.pid(), FileKey.of(guestDisk)));
        assertEquals("WRITE", ProcLocks.byteZero(daemon.pid(), FileKey.of(otherDisk)));
        assertEquals("pong", guest.ping(), "the guest's connection is kept");
        assertTrue(holder.ping(Restarts.SERVE_TIMEOUT), "the holder's connection is kept");
        int before = Restarts.count(daemon.pid());
        daemon.signal("USR1");
        Restarts.await("one more re-exec", () -> Restarts.count(daemon.pid()) == before + 1);
        Restarts.awaitServing(sandbox, daemon.process());
        assertEquals("pong", guest.ping(), "still kept after one more re-exec");
        System.out.println("burst of 6 SIGUSR1: " + before + " re-execs");
    }

    @Test
    void aStateFileThatCannotBeWrittenAbandonsTheReexecAndKeepsServing() throws Exception {
        Path runDir = sandbox.runDir();
        Files.setPosixFilePermissions(runDir, PosixFilePermissions.fromString("r-x------"));
        try {
            daemon.signal("USR1");
            assertTrue(daemon.awaitOutput("Unable to save state file", Duration.ofSeconds(30)), daemon.output());
            assertTrue(daemon.awaitOutput("goes on serving", Duration.ofSeconds(10)), daemon.output());
            assertEquals(0, Restarts.count(daemon.pid()), "no exec happened");
            Restarts.awaitServing(sandbox, daemon.process());
            assertEquals("pong", guest.ping(), "the guest's connection is served");
            assertTrue(holder.ping(Restarts.SERVE_TIMEOUT), "the holder's connection is served");
            assertEquals("WRITE", ProcLocks.byteZero(daemon.pid(), FileKey.of(guestDisk)));
            assertEquals("ok", holder.acquire("", sandbox.data().resolve("new.img").toString(), LockCalls.AUTOCREATE),
                    "the lock model takes changes again");
        } finally {
            Files.setPosixFilePermissions(runDir, PosixFilePermissions.fromString("rwx------"));
        }
        daemon.signal("USR1");
        Restarts.await("the re-exec once the directory is writable", () -> Restarts.count(daemon.pid()) == 1);
        Restarts.awaitServing(sandbox, daemon.process());
        assertEquals("pong", guest.ping());
        assertEquals("WRITE", ProcLocks.byteZero(daemon.pid(), FileKey.of(guestDisk)));
        assertEquals(0, daemon.stop());
        assertEquals(128 + 15, guest.awaitExit(10), "the guest is fenced at the real stop");
    }

    /**
     * A request the old image had read only in part is carried in the state (our {@code pendingInput} key) and
     * completed by the new image: the client gets its answer as if nothing happened.
     */
    @Test
    void aRequestHalfSentAcrossTheExecIsAnswered() throws Exception {
        try (WireClient client = WireClient.connect(sandbox.lockSocket())) {
            byte[] ping = LockCalls.KEEPALIVE_PING;
            client.send(java.util.Arrays.copyOfRange(ping, 0, 10));
            Thread.sleep(300); // read by the old image, waiting for the rest of the frame
            daemon.signal("USR1");
            Restarts.await("re-exec 1", () -> Restarts.count(daemon.pid()) == 1);
            Restarts.awaitServing(sandbox, daemon.process());
            client.send(java.util.Arrays.copyOfRange(ping, 10, ping.length));
            assertArrayEquals(LockCalls.KEEPALIVE_PONG, client.readFrame(Restarts.SERVE_TIMEOUT),
                    "the frame begun before the exec is answered after it");
        }
    }
}
