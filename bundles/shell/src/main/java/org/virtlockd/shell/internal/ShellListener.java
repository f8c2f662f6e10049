package org.virtlockd.shell.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.apache.felix.service.command.CommandProcessor;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.AFUNIXSocketCredentials;

/**
 * The shell socket: created with mode 0700 after unlinking a stale file, unlinked when closed. Blocking
 * sockets: one thread accepts, and each admitted client gets a thread of its own ({@link Sessions}).
 * Only the daemon's own effective uid is admitted (SO_PEERCRED at accept); other clients get one
 * {@code r} line and are closed.
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
    private final ShellLog log;
    private final AFUNIXServerSocket server;
    private final Sessions sessions;
    private final Thread acceptor;

    private ShellListener(Path path, long euid, int maxSessions, CommandProcessor processor, ShellLog log)
            throws IOException {
        this.path = path;
        this.euid = euid;
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
        sessions = new Sessions(maxSessions, processor, log);
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
                Sessions.closeQuietly(client);
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
            Sessions.closeQuietly(client);
            return;
        }
        if (peer.getUid() != euid) {
            log.warn("Disallowing shell client " + peer.getPid() + " with uid " + peer.getUid());
            Sessions.refuse(client, "uid " + peer.getUid() + " may not use the shell of a daemon running as uid " + euid);
            return;
        }
        log.debug("shell client " + peer.getPid());
        sessions.serve(client);
    }

    /** Stops accepting, ends every session (their Gogo sessions close), unlinks the socket. */
    @Override
    public void close() throws InterruptedException {
        Sessions.closeQuietly(server);
        sessions.close(CLOSE_WAIT_MILLIS);
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
}
