package org.virtlockd.lockspace.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtlockd.api.LockFlag;
import org.virtlockd.filelock.ProcessSignals;
import org.virtlockd.filelock.internal.NativeFileLocks;

class OwnerFencingComponentTest {

    private static final long HOLDER = 999_999; // never signalled for real: the signals are fake

    @TempDir
    Path tmp;

    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final CountDownLatch done = new CountDownLatch(1);

    /** Fake signals: the process dies after the SIGKILL round. */
    private final ProcessSignals signals = (pid, signal) -> {
        sent.add(Thread.currentThread().getName() + " " + pid + " " + signal);
        if (sent.size() > 9) {
            done.countDown();
            return ProcessSignals.ESRCH;
        }
        return 0;
    };

    @Test
    void releasesAtOnceAndSignalsInTheBackground() throws Exception {
        LockSpacesComponent lockSpaces = new LockSpacesComponent(new NativeFileLocks());
        String dir = tmp.resolve("ls").toString();
        lockSpaces.createLockspace(dir);
        lockSpaces.acquire(dir, "lease", HOLDER, EnumSet.of(LockFlag.AUTOCREATE));
        OwnerFencingComponent fencing = new OwnerFencingComponent(lockSpaces, signals);
        try {
            long start = System.nanoTime();
            assertTrue(fencing.releaseAndFence(HOLDER));
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(tookMillis < 150, "returned after " + tookMillis + " ms");
            assertEquals(List.of(), lockSpaces.resources(dir), "released before returning");
            assertFalse(Files.exists(Path.of(dir, "lease")));
            assertTrue(done.await(10, TimeUnit.SECONDS));
            long loopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(loopMillis >= 9 * KillLoop.INTERVAL_MILLIS, "rounds were paced: " + loopMillis + " ms");
            assertEquals("virtlockd-fencing " + HOLDER + " 15", sent.get(0));
            assertEquals("virtlockd-fencing " + HOLDER + " 9", sent.get(8));
        } finally {
            fencing.deactivate();
            lockSpaces.deactivate();
        }
        assertEquals(10, sent.size());
    }

    @Test
    void nothingHeldMeansNoSignals() throws Exception {
        LockSpacesComponent lockSpaces = new LockSpacesComponent(new NativeFileLocks());
        OwnerFencingComponent fencing = new OwnerFencingComponent(lockSpaces, signals);
        assertFalse(fencing.releaseAndFence(HOLDER));
        fencing.deactivate();
        assertEquals(List.of(), sent);
    }

    @Test
    void stoppingLetsRoundsUnderWayFinish() throws Exception {
        LockSpacesComponent lockSpaces = new LockSpacesComponent(new NativeFileLocks());
        Path disk = Files.writeString(tmp.resolve("disk"), "");
        lockSpaces.acquire("", disk.toString(), HOLDER, EnumSet.noneOf(LockFlag.class));
        OwnerFencingComponent fencing = new OwnerFencingComponent(lockSpaces, signals);
        assertTrue(fencing.releaseAndFence(HOLDER));
        fencing.deactivate();
        assertEquals(10, sent.size(), "the SIGKILL round ran before stop returned: " + sent);
        assertEquals(HOLDER + " 9", sent.get(8).substring(sent.get(8).indexOf(' ') + 1));
    }
}
