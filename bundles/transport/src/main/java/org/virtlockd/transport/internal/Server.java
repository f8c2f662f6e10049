package org.virtlockd.transport.internal;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;

import org.newsclub.net.unix.AFUNIXSocketChannel;
import org.newsclub.net.unix.AFUNIXSocketCredentials;
import org.virtlockd.transport.ServerView;
import org.virtlockd.transport.Session;
import org.virtlockd.transport.SessionListener;

/**
 * One libvirt server ({@code virtlockd} or {@code admin}): its listeners, its clients with ids from 1, the
 * peer-uid rule, and {@code max_clients}, enforced by pausing accept so that extra connections wait in the
 * kernel backlog. Sockets are touched only on the I/O thread; the client table and the limit can be read
 * from any thread.
 */
final class Server implements ServerView {

    private final String name;
    private final EventLoop loop;
    private final LongPredicate uidAllowed;
    private final Programs programs;
    private final Log log;
    private final List<SessionListener> sessionListeners;
    private final List<Listener> listeners = new ArrayList<>();
    private final ConcurrentSkipListMap<Long, Connection> clients = new ConcurrentSkipListMap<>();
    private final AtomicLong nextClientId = new AtomicLong(1);
    private volatile long maxClients;
    private volatile long maxUnauthClients;

    Server(String name, EventLoop loop, LongPredicate uidAllowed, int maxClients, Programs programs,
           List<SessionListener> sessionListeners, Log log) {
        this.name = name;
        this.loop = loop;
        this.uidAllowed = uidAllowed;
        this.maxClients = maxClients;
        this.maxUnauthClients = maxClients;
        this.programs = programs;
        this.sessionListeners = sessionListeners;
        this.log = log;
        loop.addSweeper(this::sweepHungUp);
    }

    /** Ends the sessions whose key the selector invalidated on a hang-up (see {@link EventLoop}). */
    private void sweepHungUp() {
        for (Connection c : clients.values()) {
            if (c.hungUp()) {
                c.drainAndClose(loop.readBuffer());
            }
        }
    }

    @Override
    public String name() {
        return name;
    }

    EventLoop loop() {
        return loop;
    }

    Programs programs() {
        return programs;
    }

    /** Serves on a listening socket a re-exec handed over. */
    void adopt(int fd, boolean unlinkOnClose) throws IOException {
        listeners.add(Listener.adopt(this, fd, unlinkOnClose));
    }

    void listen(Path path) throws IOException {
        listeners.add(Listener.bind(this, path));
    }

    /** Serves on a listening socket systemd passed. */
    Listener adopt(int fd) throws IOException {
        Listener l = Listener.adopt(this, fd);
        listeners.add(l);
        return l;
    }

    /** @return the listeners, in the order they were opened */
    List<Listener> listeners() {
        return List.copyOf(listeners);
    }

    /** @return the connections in id order */
    List<Connection> connections() {
        return List.copyOf(clients.values());
    }

    /** Continues the client numbering of a previous process image (never below what was used here). */
    void continueIdsFrom(long next) {
        nextClientId.accumulateAndGet(next, Math::max);
    }

    /** @return a fresh client id */
    long takeClientId() {
        return nextClientId.getAndIncrement();
    }

    /**
     * Takes over a client connection a re-exec handed over, with its previous id and connect time. Its peer
     * is checked again as at accept time, except that a peer which exited meanwhile is kept: its hang-up ends
     * the session through the normal path, so the holder rule applies (libvirt 9.0 fails the whole restore
     * then and drops every lock).
     *
     * @return the restored connection, or null if it was refused and closed
     */
    Connection restore(AFUNIXSocketChannel channel, long id, Instant connectedAt) throws IOException {
        PeerIdentity peer;
        AFUNIXSocketCredentials credentials = channel.getPeerCredentials();
        try {
            peer = PeerIdentity.of(credentials);
        } catch (IOException e) {
            log.warn("client " + id + " of server " + name + " (pid " + credentials.getPid()
                    + ") exited during the re-exec: ending its session");
            peer = new PeerIdentity(credentials.getPid(), credentials.getUid(), credentials.getGid(), 0);
        }
        if (!uidAllowed.test(peer.uid())) {
            log.warn("Disallowing client " + peer.pid() + " with uid " + peer.uid());
            closeQuietly(channel);
            return null;
        }
        channel.configureBlocking(false);
        Connection c = new Connection(this, id, channel, peer, connectedAt);
        SelectionKey key = channel.register(loop.selector(), SelectionKey.OP_READ, c);
        c.registered(key);
        clients.put(id, c);
        continueIdsFrom(id + 1);
        return c;
    }

    /** Tells the session listeners about a restored session, once its programs have their state back. */
    void announce(Connection c) {
        for (SessionListener l : sessionListeners) {
            notify(l, c, true);
        }
        updateAccepting();
    }

    boolean hasRoom() {
        return clients.size() < maxClients;
    }

    @Override
    public void setMaxClients(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("the client limit of server " + name + " must be at least 1: " + max);
        }
        maxClients = max;
        loop.execute(this::updateAccepting);
    }

    @Override
    public int maxClients() {
        return (int) Math.min(maxClients, Integer.MAX_VALUE);
    }

    @Override
    public long clientLimit() {
        return maxClients;
    }

    @Override
    public long unauthClientLimit() {
        return maxUnauthClients;
    }

    @Override
    public void setClientLimits(long clientLimit, long unauthClientLimit) {
        if (clientLimit < 0 || clientLimit > CLIENT_LIMIT_MAX || unauthClientLimit < 0 || unauthClientLimit > clientLimit) {
            throw new IllegalArgumentException("client limits of server " + name + " out of range: " + clientLimit
                    + ", unauthenticated " + unauthClientLimit);
        }
        maxClients = clientLimit;
        maxUnauthClients = unauthClientLimit;
        loop.execute(this::updateAccepting);
    }

    @Override
    public List<Session> clients() {
        return List.copyOf(clients.values());
    }

    @Override
    public Optional<Session> client(long id) {
        return Optional.ofNullable(clients.get(id));
    }

    @Override
    public long nextClientId() {
        return nextClientId.get();
    }

    int clientCount() {
        return clients.size();
    }

    /**
     * libvirt numbers a connection before its checks (the id is taken when the client object is created, the
     * peer is checked when its private data is), so a refused connection uses up an id too.
     */
    void accepted(AFUNIXSocketChannel channel) {
        long id = nextClientId.getAndIncrement();
        PeerIdentity peer;
        try {
            peer = PeerIdentity.of(channel.getPeerCredentials());
        } catch (IOException e) {
            log.warn("Disallowing client on server " + name + ": cannot identify the peer: " + e.getMessage());
            closeQuietly(channel);
            return;
        }
        if (!uidAllowed.test(peer.uid())) {
            log.warn("Disallowing client " + peer.pid() + " with uid " + peer.uid());
            closeQuietly(channel);
            return;
        }
        try {
            channel.configureBlocking(false);
            // close() ends the session for the peer as well; junixsocket's default extra shutdown(2) on close
            // costs one more system call per connection.
            channel.setShutdownOnClose(false);
            Connection c = new Connection(this, id, channel, peer);
            SelectionKey key = channel.register(loop.selector(), SelectionKey.OP_READ, c);
            c.registered(key);
            clients.put(c.id(), c);
            for (SessionListener l : sessionListeners) {
                notify(l, c, true);
            }
        } catch (IOException e) {
            log.warn("cannot register client on server " + name + ": " + e.getMessage());
            closeQuietly(channel);
        }
        updateAccepting();
    }

    void removed(Connection c) {
        clients.remove(c.id());
        updateAccepting();
    }

    /** After the programs: listeners learn that a session ended. */
    void closed(Connection c) {
        for (SessionListener l : sessionListeners) {
            notify(l, c, false);
        }
    }

    private void notify(SessionListener l, Connection c, boolean opened) {
        try {
            if (opened) {
                l.sessionOpened(c);
            } else {
                l.sessionClosed(c);
            }
        } catch (RuntimeException e) {
            log.warn("session listener " + l + " failed for " + c + ": " + e);
        }
    }

    private void updateAccepting() {
        boolean room = hasRoom();
        listeners.forEach(l -> l.setAccepting(room));
    }

    /** Closes listeners (unlinking self-created sockets) and every client. */
    void close() {
        listeners.forEach(Listener::close);
        listeners.clear();
        new ArrayList<>(clients.values()).forEach(Connection::close);
    }

    void warn(String message) {
        log.warn(message);
    }

    Log log() {
        return log;
    }

    private static void closeQuietly(AFUNIXSocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was sent; nothing more to do
        }
    }
}
