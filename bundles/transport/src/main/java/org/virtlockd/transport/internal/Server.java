package org.virtlockd.transport.internal;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

import org.newsclub.net.unix.AFUNIXSocketChannel;

/**
 * One libvirt server ({@code virtlockd} or {@code admin}): its listeners, its clients with ids from 1, the
 * peer-uid rule, and {@code max_clients}, enforced by pausing accept so that extra connections wait in the
 * kernel backlog. State is touched only on the I/O thread.
 */
final class Server {

    private final String name;
    private final EventLoop loop;
    private final LongPredicate uidAllowed;
    private final Programs programs;
    private final Log log;
    private final List<Listener> listeners = new ArrayList<>();
    private final Map<Long, Connection> clients = new LinkedHashMap<>();
    private long nextClientId = 1;
    private int maxClients;

    Server(String name, EventLoop loop, LongPredicate uidAllowed, int maxClients, Programs programs, Log log) {
        this.name = name;
        this.loop = loop;
        this.uidAllowed = uidAllowed;
        this.maxClients = maxClients;
        this.programs = programs;
        this.log = log;
    }

    String name() {
        return name;
    }

    EventLoop loop() {
        return loop;
    }

    Programs programs() {
        return programs;
    }

    void listen(Path path) throws IOException {
        listeners.add(Listener.bind(this, path));
    }

    boolean hasRoom() {
        return clients.size() < maxClients;
    }

    void setMaxClients(int max) {
        maxClients = max;
        updateAccepting();
    }

    int maxClients() {
        return maxClients;
    }

    List<Connection> clients() {
        return List.copyOf(clients.values());
    }

    void accepted(AFUNIXSocketChannel channel) {
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
            Connection c = new Connection(this, nextClientId++, channel, peer);
            SelectionKey key = channel.register(loop.selector(), SelectionKey.OP_READ, c);
            c.registered(key);
            clients.put(c.id(), c);
            log.debug("new client " + c.id() + " on server " + name + " from pid " + peer.pid());
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
