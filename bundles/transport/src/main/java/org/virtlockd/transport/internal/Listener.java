package org.virtlockd.transport.internal;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.newsclub.net.unix.AFUNIXServerSocketChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.AFUNIXSocketChannel;
import org.newsclub.net.unix.FileDescriptorCast;

/**
 * A listening UNIX socket of one server. Self-created sockets replace any stale file at their path, get
 * mode 0700 like libvirt's ({@code srwx------}) and are unlinked when closed; inherited ones are not.
 */
final class Listener {

    /** libvirt's listen backlog for its UNIX services. */
    static final int BACKLOG = 30;

    private final Server server;
    private final AFUNIXServerSocketChannel channel;
    private final Path path;
    private final boolean unlinkOnClose;
    private SelectionKey key;

    private Listener(Server server, AFUNIXServerSocketChannel channel, Path path, boolean unlinkOnClose) {
        this.server = server;
        this.channel = channel;
        this.path = path;
        this.unlinkOnClose = unlinkOnClose;
    }

    /** Creates, binds and registers a socket at {@code path}; must run on the I/O thread. */
    static Listener bind(Server server, Path path) throws IOException {
        Files.deleteIfExists(path);
        AFUNIXServerSocketChannel channel = AFUNIXServerSocketChannel.open();
        try {
            channel.setDeleteOnClose(false);
            channel.bind(AFUNIXSocketAddress.of(path.toFile()), BACKLOG);
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
            channel.configureBlocking(false);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        Listener listener = new Listener(server, channel, path, true);
        listener.key = channel.register(server.loop().selector(), SelectionKey.OP_ACCEPT, listener);
        return listener;
    }

    /**
     * Takes over a listening socket passed by systemd; must run on the I/O thread. It is never unlinked: the
     * socket unit owns the file.
     *
     * @param fd the inherited descriptor
     */
    static Listener adopt(Server server, int fd) throws IOException {
        return adopt(server, fd, false);
    }

    /**
     * Takes over an inherited listening socket; must run on the I/O thread.
     *
     * @param fd the inherited descriptor
     * @param unlinkOnClose whether the socket file is this daemon's to remove at shutdown (a socket it created
     *        itself before a re-exec), or belongs to someone else (systemd's socket unit)
     */
    static Listener adopt(Server server, int fd, boolean unlinkOnClose) throws IOException {
        AFUNIXServerSocketChannel channel = FileDescriptorCast.unsafeUsing(fd).as(AFUNIXServerSocketChannel.class);
        Path path;
        try {
            channel.setDeleteOnClose(false);
            channel.configureBlocking(false);
            AFUNIXSocketAddress local = channel.getLocalAddress();
            path = local != null && local.hasFilename() ? local.getFile().toPath() : Path.of("fd:" + fd);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        Listener listener = new Listener(server, channel, path, unlinkOnClose);
        listener.key = channel.register(server.loop().selector(), SelectionKey.OP_ACCEPT, listener);
        return listener;
    }

    /** @return the listening socket's descriptor number */
    int fd() throws IOException {
        return FileDescriptorCast.using(channel.getFileDescriptor()).as(Integer.class);
    }

    /** @return whether the socket file is removed when the listener closes */
    boolean unlinksOnClose() {
        return unlinkOnClose;
    }

    Path path() {
        return path;
    }

    /** Called after every accept and close: the key is touched only when the state changes. */
    void setAccepting(boolean accepting) {
        int ops = accepting ? SelectionKey.OP_ACCEPT : 0;
        if (key.isValid() && key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }

    /**
     * Accepts one connection per readiness event, as libvirt does: a further accept would usually find the
     * backlog empty and cost a failed accept (four system calls in junixsocket), while a waiting connection
     * keeps the socket readable for the next select.
     */
    void acceptReady() {
        if (!server.hasRoom()) {
            return;
        }
        AFUNIXSocketChannel client;
        try {
            client = channel.accept();
        } catch (IOException e) {
            server.warn("accept on " + path + " failed: " + e.getMessage());
            return;
        }
        if (client != null) {
            server.accepted(client);
        }
    }

    void close() {
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (IOException e) {
            server.warn("closing " + path + ": " + e.getMessage());
        }
        if (unlinkOnClose) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                server.warn("unlinking " + path + ": " + e.getMessage());
            }
        }
    }

    @Override
    public String toString() {
        return "listener " + path;
    }
}
