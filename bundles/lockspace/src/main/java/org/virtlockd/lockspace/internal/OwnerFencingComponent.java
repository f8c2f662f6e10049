package org.virtlockd.lockspace.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.LoggerFactory;
import org.virtlockd.api.LockSpaces;
import org.virtlockd.api.OwnerFencing;
import org.virtlockd.filelock.ProcessSignals;

/**
 * The {@link OwnerFencing} service: releases a holder's locks on the caller's thread, then runs the
 * {@link KillLoop} on a thread of its own. Stopping waits for kill rounds under way to finish.
 */
@Component(service = OwnerFencing.class, immediate = true)
public final class OwnerFencingComponent implements OwnerFencing {

    /** Longest wait at stop: every round of one loop, plus a margin. */
    static final long STOP_WAIT_MILLIS = KillLoop.ROUNDS * KillLoop.INTERVAL_MILLIS + 1000;

    @Reference(service = LoggerFactory.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC)
    private volatile LoggerFactory loggerFactory;

    private final LockSpaces lockSpaces;
    private final ScheduledExecutorService executor;
    private final KillLoop killLoop;

    /**
     * @param lockSpaces the lock service whose holders are fenced
     * @param signals how signals are sent
     */
    @Activate
    public OwnerFencingComponent(@Reference(name = "lockSpaces") LockSpaces lockSpaces,
            @Reference(name = "signals") ProcessSignals signals) {
        this.lockSpaces = lockSpaces;
        this.executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "virtlockd-fencing");
            thread.setDaemon(true);
            return thread;
        });
        this.killLoop = new KillLoop(signals, new ExecutorScheduler(executor),
                new OsgiModelLog("locking.lock_daemon", () -> loggerFactory));
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean releaseAndFence(long pid) {
        if (!lockSpaces.releaseAll(pid)) {
            return false;
        }
        killLoop.start(pid);
        return true;
    }
}
