package org.virtlockd.lockspace.internal;

import java.util.Comparator;
import java.util.PriorityQueue;

/** A {@link Scheduler} on a simulated clock: tasks run only when the test says so, in time order. */
final class ManualScheduler implements Scheduler {

    private record Timed(long at, long sequence, Runnable task) {
    }

    private final PriorityQueue<Timed> queue =
            new PriorityQueue<>(Comparator.comparingLong(Timed::at).thenComparingLong(Timed::sequence));
    private long now;
    private long sequence;

    @Override
    public void schedule(Runnable task, long delayMillis) {
        queue.add(new Timed(now + delayMillis, sequence++, task));
    }

    long now() {
        return now;
    }

    int pending() {
        return queue.size();
    }

    /** Runs every task, including those scheduled meanwhile, advancing the clock. */
    void runAll() {
        while (!queue.isEmpty()) {
            Timed next = queue.poll();
            now = next.at();
            next.task().run();
        }
    }
}
