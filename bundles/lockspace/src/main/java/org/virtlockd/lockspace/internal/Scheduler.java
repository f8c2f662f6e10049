package org.virtlockd.lockspace.internal;

/** Runs a task later, on a thread that may wait (never the caller's). */
interface Scheduler {

    /**
     * @param task what to run
     * @param delayMillis how long to wait first, 0 for as soon as possible
     */
    void schedule(Runnable task, long delayMillis);
}
