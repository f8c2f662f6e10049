package org.virtlockd.shell.internal;

import java.io.Closeable;
import java.io.IOException;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.felix.service.command.CommandProcessor;

/**
 * The shell sessions being served: at most a fixed number, each on a pooled thread of its own. A client
 * beyond the limit gets one {@code r} line and is closed; closing ends every session.
 */
final class Sessions {

    /** Idle pooled threads end after this long. */
    static final long IDLE_SECONDS = 60;

    private final int max;
    private final CommandProcessor processor;
    private final ShellLog log;
    private final ThreadPoolExecutor pool;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    Sessions(int max, CommandProcessor processor, ShellLog log) {
        this.max = max;
        this.processor = processor;
        this.log = log;
        AtomicInteger number = new AtomicInteger();
        pool = new ThreadPoolExecutor(0, max, IDLE_SECONDS, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "virtlockd-shell-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Serves an admitted client, or refuses it when every session thread is busy. */
    void serve(Socket client) {
        open.add(client);
        try {
            pool.execute(() -> {
                try {
                    new ShellConnection(client, processor, log).run();
                } finally {
                    open.remove(client);
                }
            });
        } catch (RejectedExecutionException e) {
            open.remove(client);
            refuse(client, "too many shell sessions (at most " + max + ")");
        }
    }

    /** Sends the refusal line and closes the client. */
    static void refuse(Socket client, String reason) {
        try (Socket s = client) {
            s.getOutputStream().write(ShellProtocol.line(ShellProtocol.REFUSED, reason));
        } catch (IOException e) {
            // the client is gone already
        }
    }

    /** Closes every client (their Gogo sessions close) and waits a while for the threads. */
    void close(long waitMillis) throws InterruptedException {
        open.forEach(Sessions::closeQuietly);
        pool.shutdownNow();
        pool.awaitTermination(waitMillis, TimeUnit.MILLISECONDS);
    }

    static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // closing is all we wanted
        }
    }
}
