package org.virtlockd.lifecycle.internal;

import java.util.concurrent.Future;
import java.util.function.IntSupplier;

import org.virtlockd.lifecycle.IdleTimeout;

/**
 * The idle-timeout state machine, without threads of its own: armed while the timeout is set and no server
 * has a client, disarmed by any client, re-armed from zero when the last client leaves or the timeout
 * changes. An expiry re-checks the client count, so a client whose arrival was not (yet) reported keeps the
 * daemon alive; its departure arms the timer again.
 */
final class IdleTimer {

    /** Runs a task once after a delay; the returned future cancels it. */
    interface Scheduler {
        Future<?> schedule(Runnable task, long delayMillis);
    }

    private final IntSupplier clients;
    private final Runnable expired;
    private final Scheduler scheduler;
    private int timeoutSeconds;
    private Future<?> pending;
    /** Tells an expiry that ran late from the timer it belongs to. */
    private long generation;
    private boolean fired;

    IdleTimer(IntSupplier clients, Runnable expired, Scheduler scheduler) {
        this.clients = clients;
        this.expired = expired;
        this.scheduler = scheduler;
    }

    synchronized int timeoutSeconds() {
        return timeoutSeconds;
    }

    synchronized void setTimeoutSeconds(int seconds) {
        if (seconds < 0 || seconds > IdleTimeout.MAX_SECONDS) {
            throw new IllegalArgumentException("idle timeout must be 0 to " + IdleTimeout.MAX_SECONDS + " seconds: " + seconds);
        }
        timeoutSeconds = seconds;
        fired = false;
        disarm();
        update();
    }

    /** A client came or went: arm or disarm. */
    synchronized void update() {
        if (timeoutSeconds == 0 || fired || clients.getAsInt() > 0) {
            disarm();
        } else if (pending == null) {
            long mine = ++generation;
            pending = scheduler.schedule(() -> expire(mine), timeoutSeconds * 1000L);
        }
    }

    synchronized boolean armed() {
        return pending != null;
    }

    private void disarm() {
        generation++;
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    private void expire(long mine) {
        synchronized (this) {
            if (mine != generation || pending == null) {
                return;
            }
            pending = null;
            if (timeoutSeconds == 0 || clients.getAsInt() > 0) {
                return;
            }
            fired = true;
        }
        expired.run();
    }
}
