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
        }
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
