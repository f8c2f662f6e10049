package org.virtlockd.lockspace.internal;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Scheduler} on a scheduled executor. Once the executor is shut down, a task that schedules
 * its successor runs it in its own thread after sleeping, so that kill rounds already under way
 * finish while the component stops (libvirt, too, finishes them before it exits).
 */
final class ExecutorScheduler implements Scheduler {

    private final ScheduledExecutorService executor;

    ExecutorScheduler(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    @Override
    public void schedule(Runnable task, long delayMillis) {
        try {
            executor.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shutDown) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            task.run();
        }
    }
}
