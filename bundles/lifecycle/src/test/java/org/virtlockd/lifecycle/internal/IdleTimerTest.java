package org.virtlockd.lifecycle.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** The idle timer's rules (spec 6.8) with a hand-driven scheduler. */
class IdleTimerTest {

    /** A scheduled task the test runs when it likes. */
    private record Task(Runnable task, long delayMillis, CompletableFuture<Void> future) {
        void run() {
            if (!future.isCancelled()) {
                task.run();
            }
        }
    }

    private final List<Task> tasks = new ArrayList<>();
    private int clients;
    private int expiries;
    private final IdleTimer timer = new IdleTimer(() -> clients, () -> expiries++, (task, delay) -> {
        Task t = new Task(task, delay, new CompletableFuture<>());
        tasks.add(t);
        return t.future();
    });

    private Task last() {
        return tasks.get(tasks.size() - 1);
    }

    @Test
    void disabledByDefaultAndWithZero() {
        timer.update();
        assertFalse(timer.armed());
        timer.setTimeoutSeconds(0);
        assertFalse(timer.armed());
        assertTrue(tasks.isEmpty());
    }

    @Test
    void runsWhileNoClientAndFiresOnceAfterTheTimeout() {
        timer.setTimeoutSeconds(3);
        assertTrue(timer.armed());
        assertEquals(3000, last().delayMillis());
        last().run();
        assertEquals(1, expiries);
        timer.update();
        assertFalse(timer.armed(), "after firing the daemon is stopping: no second countdown");
    }

    @Test
    void aClientStopsItAndTheLastOneLeavingStartsItAgainFromZero() {
        timer.setTimeoutSeconds(2);
        Task first = last();
        clients = 1;
        timer.update();
        assertFalse(timer.armed());
        assertTrue(first.future().isCancelled());
        first.task().run();
        assertEquals(0, expiries, "a cancelled countdown that runs anyway does nothing");
        clients = 2;
        timer.update();
        clients = 1;
        timer.update();
        assertFalse(timer.armed(), "one client left");
        clients = 0;
        timer.update();
        assertTrue(timer.armed());
        assertEquals(2, tasks.size());
        last().run();
        assertEquals(1, expiries);
    }

    @Test
    void anExpiryRechecksTheClientsItWasNotToldAbout() {
        timer.setTimeoutSeconds(1);
        clients = 1;
        last().run();
        assertEquals(0, expiries);
        clients = 0;
        timer.update();
        last().run();
        assertEquals(1, expiries);
    }

    @Test
    void changingTheTimeoutRestartsTheCountdown() {
        timer.setTimeoutSeconds(10);
        Task old = last();
        timer.setTimeoutSeconds(5);
        assertTrue(old.future().isCancelled());
        assertEquals(5000, last().delayMillis());
        old.task().run();
        assertEquals(0, expiries, "the replaced countdown is stale");
        timer.setTimeoutSeconds(0);
        assertFalse(timer.armed());
    }

    @Test
    void refusesOutOfRangeValues() {
        assertThrows(IllegalArgumentException.class, () -> timer.setTimeoutSeconds(-1));
        assertThrows(IllegalArgumentException.class, () -> timer.setTimeoutSeconds(2_147_484));
        timer.setTimeoutSeconds(2_147_483);
        assertEquals(2_147_483_000L, last().delayMillis());
    }
}
