package org.virtlockd.transport.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

import org.newsclub.net.unix.AFUNIXSelectorProvider;

/**
 * The single I/O thread: accepts, reads, dispatches and writes for every listener and connection, as
 * libvirt's event loop does, so calls are executed one after another in arrival order. Nothing here
 * sleeps; work from other threads enters through {@link #execute}.
 *
 * <p>junixsocket's selector marks a key invalid when poll reports a hang-up (its {@code OP_INVALID}),
 * drops it from the poll set and never reports it as selected, so a peer that disconnects is not seen
 * through the selected keys: after every select the sweepers look for such keys, read what the peer sent
 * before hanging up, and tear the session down.
 */
final class EventLoop implements Runnable {

    /** Bytes read from one socket per readiness event; the frame decoder keeps what a frame needs. */
    static final int READ_CHUNK = 64 * 1024;

    private final Selector selector;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_CHUNK);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Consumer<String> warn;
    private final List<Runnable> sweepers = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;
    private Thread thread;

    EventLoop(Consumer<String> warn) throws IOException {
        this.selector = AFUNIXSelectorProvider.provider().openSelector();
        this.warn = warn;
    }

    Selector selector() {
        return selector;
    }

    ByteBuffer readBuffer() {
        return readBuffer;
    }

    /** Runs {@code sweeper} on the I/O thread after every select. */
    void addSweeper(Runnable sweeper) {
        sweepers.add(sweeper);
    }

    void start() {
        thread = new Thread(this, "virtlockd-io");
        thread.setDaemon(true);
        thread.start();
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Runs the task on the I/O thread (at once when called from it). */
    void execute(Runnable task) {
        if (inLoop()) {
            task.run();
            return;
        }
        tasks.add(task);
        selector.wakeup();
    }

    /** Runs the task on the I/O thread and waits for it. */
    void executeAndWait(Runnable task) throws InterruptedException {
        if (inLoop() || !running) {
            task.run();
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        execute(() -> {
            try {
                task.run();
            } finally {
                done.countDown();
            }
        });
        done.await();
    }

    void stop() throws InterruptedException {
        running = false;
        selector.wakeup();
        if (thread != null && !inLoop()) {
            stopped.await();
        }
    }

    @Override
    public void run() {
        try {
            while (running) {
                selector.select();
                runTasks();
                Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey key = it.next();
                    it.remove();
                    handle(key);
                }
                for (Runnable sweeper : sweepers) {
                    sweeper.run();
                }
            }
            runTasks();
        } catch (IOException | RuntimeException e) {
            warn.accept("I/O loop failed: " + e);
        } finally {
            try {
                selector.close();
            } catch (IOException e) {
                warn.accept("closing the selector: " + e);
            }
            stopped.countDown();
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                warn.accept("task failed on the I/O thread: " + e);
            }
        }
    }

    private void handle(SelectionKey key) {
        Object target = key.attachment();
        try {
            if (!key.isValid()) {
                return;
            }
            if (target instanceof Listener listener && key.isAcceptable()) {
                listener.acceptReady();
            } else if (target instanceof Connection connection) {
                if (key.isWritable()) {
                    connection.writeReady();
                }
                if (key.isValid() && key.isReadable()) {
                    connection.readReady(readBuffer);
                }
            }
        } catch (RuntimeException e) {
            warn.accept("unexpected error on " + target + ": " + e);
            if (target instanceof Connection connection) {
                connection.close();
            }
        }
    }
}
