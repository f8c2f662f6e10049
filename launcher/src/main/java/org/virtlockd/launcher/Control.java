package org.virtlockd.launcher;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.virtlockd.launch.DaemonControl;
import org.virtlockd.launch.ExitStatus;

/**
 * The {@link DaemonControl} service: bundles and signal handlers ask, the launcher's main thread acts.
 * The first stop request decides the exit status.
 */
final class Control implements DaemonControl {

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch ready = new CountDownLatch(1);
    /** Counted down by whichever comes first, readiness or a stop request. */
    private final CountDownLatch settled = new CountDownLatch(1);
    private final AtomicReference<ExitStatus> status = new AtomicReference<>();
    /** What the main thread is asked to do next, besides stopping. */
    private boolean restartRequested;

    /** What the main thread does next. */
    enum Request {
        STOP, RESTART
    }

    @Override
    public void ready() {
        if (ready.getCount() > 0) {
            ready.countDown();
            settled.countDown();
            Log.info("daemon", "serving");
        }
    }

    @Override
    public void fail(ExitStatus exitStatus, String message) {
        Log.error("daemon", message);
        requestStop(exitStatus);
    }

    @Override
    public void shutdown() {
        requestStop(ExitStatus.SUCCESS);
    }

    void requestStop(ExitStatus exitStatus) {
        if (status.compareAndSet(null, exitStatus)) {
            stop.countDown();
            settled.countDown();
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /** SIGUSR1: re-exec once the daemon serves (requests before then, or during a restart, wait). */
    synchronized void requestRestart() {
        restartRequested = true;
        notifyAll();
    }

    /**
     * Blocks until a stop or a restart is requested; a stop wins.
     *
     * @return the request, which is consumed (for a restart)
     */
    synchronized Request awaitRequest() throws InterruptedException {
        while (!stopRequested() && !restartRequested) {
            wait();
        }
        if (stopRequested()) {
            return Request.STOP;
        }
        restartRequested = false;
        return Request.RESTART;
    }

    boolean stopRequested() {
        return stop.getCount() == 0;
    }

    boolean isReady() {
        return ready.getCount() == 0;
    }

    /**
     * Blocks until the servers are ready or a stop is requested, whichever comes first.
     *
     * @return true when ready and no stop was requested before
     */
    boolean awaitReadyOrStop() throws InterruptedException {
        settled.await();
        return isReady() && !stopRequested();
    }

    /** Blocks until a stop is requested and returns the exit status asked for. */
    ExitStatus awaitStop() throws InterruptedException {
        stop.await();
        return status.get();
    }
}
