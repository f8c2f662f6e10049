package org.virtlockd.itests.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtlockd.itests.osgi.Owners.owner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.test.common.annotation.InjectService;
import org.virtlockd.api.LockException;
import org.virtlockd.api.LockFlag;
import org.virtlockd.api.LockManager;
import org.virtlockd.api.LockSpaces;

/** Many threads on one service object: exclusion holds, nothing is lost or leaked. */
class LockManagerConcurrencyTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 100;

    @InjectService(timeout = 10_000)
    LockManager manager;

    @InjectService(timeout = 10_000)
    LockSpaces lockSpaces;

    @TempDir
    Path tmp;

    @Test
    void exactlyOneThreadWinsEachRoundOfAnExclusiveResource() throws Exception {
        String ls = tmp.toString();
        manager.createLockspace(ls);
        CyclicBarrier start = new CyclicBarrier(THREADS);
        CyclicBarrier end = new CyclicBarrier(THREADS);
        AtomicInteger[] winners = new AtomicInteger[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            winners[r] = new AtomicInteger();
        }
        AtomicInteger busy = new AtomicInteger();
        runOnThreads(n -> {
            for (int r = 0; r < ROUNDS; r++) {
                start.await();
                boolean won = false;
                try {
                    manager.acquire(owner(n), ls, "contended", EnumSet.of(LockFlag.AUTOCREATE));
                    winners[r].incrementAndGet();
                    won = true;
                } catch (LockException e) {
                    assertEquals(87, e.code(), e.getMessage());
                    busy.incrementAndGet();
                }
                end.await(); // every loser has tried while the winner still holds it
                if (won) {
                    manager.release(owner(n), ls, "contended");
                }
            }
        });
        for (int r = 0; r < ROUNDS; r++) {
            assertEquals(1, winners[r].get(), "winners of round " + r);
        }
        assertEquals(ROUNDS * (THREADS - 1), busy.get());
        assertEquals(List.of(), lockSpaces.resources(ls));
        assertEquals(List.of(), manager.leases());
    }

    @Test
    void sharedAcquisitionsAndSeparateResourcesAllSucceed() throws Exception {
        String ls = tmp.toString();
        manager.createLockspace(ls);
        runOnThreads(n -> {
            manager.acquire(owner(n), ls, "shared", EnumSet.of(LockFlag.SHARED, LockFlag.AUTOCREATE));
            for (int i = 0; i < ROUNDS; i++) {
                manager.acquire(owner(n), ls, "own-" + n + "-" + i, EnumSet.of(LockFlag.AUTOCREATE));
            }
        });
        assertEquals(THREADS * (ROUNDS + 1), manager.leases().size());
        assertEquals(THREADS * ROUNDS + 1, lockSpaces.resources(ls).size());
        runOnThreads(n -> assertTrue(manager.releaseAll(owner(n))));
        assertEquals(List.of(), lockSpaces.resources(ls));
        assertEquals(List.of(), manager.leases());
    }

    /** A body for thread {@code n} (1-based). */
    interface Body {
        void run(int n) throws Exception;
    }

    private static void runOnThreads(Body body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 1; t <= THREADS; t++) {
                int n = t;
                futures.add(pool.submit(() -> {
                    body.run(n);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
