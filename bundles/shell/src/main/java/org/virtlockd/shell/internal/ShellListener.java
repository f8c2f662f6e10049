package org.virtlockd.shell.internal;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.felix.service.command.CommandProcessor;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.AFUNIXSocketCredentials;

/**
 * The shell socket: created with mode 0700 after unlinking a stale file, unlinked when closed. Blocking
 * sockets: one thread accepts, and each admitted client gets a thread of a small pool for its session.
 * Only the daemon's own effective uid is admitted (SO_PEERCRED at accept); other clients, and clients
 * beyond the session limit, get one {@code r} line and are closed.
 */
final class ShellListener implements AutoCloseable {

    /** The listen backlog, as libvirt's UNIX services. */
    static final int BACKLOG = 30;
    /** How long closing waits for sessions and the accept thread to end. */
    static final long CLOSE_WAIT_MILLIS = 2_000;
    /** Pause after a failed accept (for instance out of descriptors), so the loop does not spin. */
    static final long ACCEPT_RETRY_MILLIS = 100;

    private final Path path;
    private final long euid;
    private final int maxSessions;
    private final CommandProcessor processor;
    private final ShellLog log;
    private final AFUNIXServerSocket server;
    private final ThreadPoolExecutor sessions;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    private ShellListener(Path path, long euid, int maxSessions, CommandProcessor processor, ShellLog log)
            throws IOException {
        this.path = path;
        this.euid = euid;
        this.maxSessions = maxSessions;
        this.processor = processor;
        this.log = log;
        Files.createDirectories(path.getParent());
        Files.deleteIfExists(path);
        server = AFUNIXServerSocket.newInstance();
        try {
            server.setDeleteOnClose(false);
            server.bind(AFUNIXSocketAddress.of(path), BACKLOG);
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            server.close();
            throw e;
        }
        AtomicInteger number = new AtomicInteger();
        sessions = new ThreadPoolExecutor(0, maxSessions, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "virtlockd-shell-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        acceptor = new Thread(this::acceptLoop, "virtlockd-shell-accept");
        acceptor.setDaemon(true);
    }

    /**
     * Binds the socket and starts accepting.
     *
     * @param euid the only peer uid admitted: the daemon's effective uid
     */
    static ShellListener open(Path path, long euid, int maxSessions, CommandProcessor processor, ShellLog log)
            throws IOException {
        ShellListener listener = new ShellListener(path, euid, maxSessions, processor, log);
        listener.acceptor.start();
        return listener;
    }

    Path path() {
        return path;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            AFUNIXSocket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    log.warn("accept on " + path + " failed: " + e.getMessage());
                    pause();
                }
                continue;
            }
            if (server.isClosed()) {
                closeQuietly(client);
                return;
            }
            admit(client);
        }
    }

    private void admit(AFUNIXSocket client) {
        AFUNIXSocketCredentials peer;
        try {
            peer = client.getPeerCredentials();
        } catch (IOException e) {
            log.warn("Disallowing shell client: cannot identify the peer: " + e.getMessage());
            closeQuietly(client);
            return;
        }
        if (peer.getUid() != euid) {
            log.warn("Disallowing shell client " + peer.getPid() + " with uid " + peer.getUid());
            refuse(client, "uid " + peer.getUid() + " may not use the shell of a daemon running as uid " + euid);
            return;
        }
        open.add(client);
        try {
            sessions.execute(() -> {
                try {
                    new ShellConnection(client, processor, log).run();
                } finally {
                    open.remove(client);
                }
            });
            log.debug("shell session for pid " + peer.getPid());
        } catch (RejectedExecutionException e) {
            open.remove(client);
            refuse(client, "too many shell sessions (at most " + maxSessions + ")");
        }
    }

    private static void refuse(Socket client, String reason) {
        try (Socket s = client) {
            s.getOutputStream().write(ShellProtocol.line(ShellProtocol.REFUSED, reason));
        } catch (IOException e) {
            // the client is gone already
        }
    }

    /** Stops accepting, ends every session (their Gogo sessions close), unlinks the socket. */
    @Override
    public void close() throws InterruptedException {
        closeQuietly(server);
        open.forEach(ShellListener::closeQuietly);
        sessions.shutdownNow();
        sessions.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        acceptor.join(CLOSE_WAIT_MILLIS);
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("unlinking " + path + ": " + e.getMessage());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(ACCEPT_RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // closing is all we wanted
        }
    }
}
