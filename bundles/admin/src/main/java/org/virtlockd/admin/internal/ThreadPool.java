package org.virtlockd.admin.internal;

import java.util.List;
import java.util.Optional;

import org.virtlockd.protocol.TypedParam;

/**
 * The worker pool libvirt's virtlockd gives each server, reproduced as numbers: virtlockd runs no workers
 * (minimum, maximum and current all 0, every call on the event loop), and the checks of
 * {@code virThreadPoolSetParameters} allow only the number of priority workers to change. libvirt then
 * starts or stops that many idle threads; here only the number is kept, and reported as it would be once
 * those threads have started or stopped.
 */
final class ThreadPool {

    static final String MIN_WORKERS = "minWorkers";
    static final String MAX_WORKERS = "maxWorkers";
    static final String CURRENT_WORKERS = "nWorkers";
    static final String FREE_WORKERS = "freeWorkers";
    static final String PRIORITY_WORKERS = "prioWorkers";
    static final String JOB_QUEUE_DEPTH = "jobQueueDepth";

    private long minWorkers;
    private long maxWorkers;
    private long priorityWorkers;

    /** @return the parameters in libvirt's order, all UINT */
    synchronized List<TypedParam> parameters() {
        return List.of(new TypedParam.UIntParam(MIN_WORKERS, minWorkers),
                new TypedParam.UIntParam(MAX_WORKERS, maxWorkers),
                new TypedParam.UIntParam(CURRENT_WORKERS, 0),
                new TypedParam.UIntParam(FREE_WORKERS, 0),
                new TypedParam.UIntParam(PRIORITY_WORKERS, priorityWorkers),
                new TypedParam.UIntParam(JOB_QUEUE_DEPTH, 0));
    }

    /** {@code virThreadPoolSetParameters}: absent values keep the current ones. */
    synchronized void set(Optional<Long> min, Optional<Long> max, Optional<Long> priority) throws AdminFailure {
        long newMax = max.orElse(maxWorkers);
        long newMin = min.orElse(minWorkers);
        if (newMin > newMax) {
            throw AdminErrors.invalidThreadPool("minWorkers cannot be larger than maxWorkers");
        }
        if (max.isPresent() && (max.get() == 0) != (maxWorkers == 0)) {
            throw AdminErrors.invalidThreadPool("maxWorkers must not be switched from zero to non-zero and vice versa");
        }
        minWorkers = newMin;
        maxWorkers = newMax;
        priorityWorkers = priority.orElse(priorityWorkers);
    }
}
