package org.virtlockd.admin.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.virtlockd.lifecycle.IdleTimeout;
import org.virtlockd.logging.LogControl;
import org.virtlockd.logging.LogSettingsException;
import org.virtlockd.transport.ServerView;
import org.virtlockd.transport.Servers;
import org.virtlockd.transport.Session;

/** Servers, clients, logging and idle timeout without a daemon. */
final class Fakes {

    private Fakes() {
    }

    static final class Client implements Session {
        final long id;
        final String server;
        final long pid;
        final long uid;
        final long gid;
        final Instant connected;
        boolean identified = true;
        boolean closed;

        Client(long id, String server, long pid, long uid, long gid, Instant connected) {
            this.id = id;
            this.server = server;
            this.pid = pid;
            this.uid = uid;
            this.gid = gid;
            this.connected = connected;
        }

        @Override public long id() { return id; }
        @Override public String server() { return server; }
        @Override public long peerPid() { return pid; }
        @Override public long peerUid() { return uid; }
        @Override public long peerGid() { return gid; }
        @Override public Instant connectedAt() { return connected; }
        @Override public boolean hasIdentity() { return identified; }
        @Override public Object attachment(Object key) { return null; }
        @Override public void attach(Object key, Object value) { }
        @Override public void close() { closed = true; }
    }

    static final class Server implements ServerView {
        final String name;
        final List<Session> clients = new ArrayList<>();
        long limit;
        long unauthLimit;

        Server(String name, long limit) {
            this.name = name;
            this.limit = limit;
            this.unauthLimit = limit;
        }

        Client connect(long id, long pid, long epochSecond) {
            Client c = new Client(id, name, pid, 65534, 65534, Instant.ofEpochSecond(epochSecond));
            clients.add(c);
            return c;
        }

        @Override public String name() { return name; }
        @Override public int maxClients() { return (int) Math.min(limit, Integer.MAX_VALUE); }
        @Override public void setMaxClients(int max) { limit = max; }
        @Override public List<Session> clients() { return List.copyOf(clients); }
        @Override public Optional<Session> client(long id) { return clients.stream().filter(c -> c.id() == id).findFirst(); }
        @Override public long nextClientId() { return clients.size() + 1; }
        @Override public long clientLimit() { return limit; }
        @Override public long unauthClientLimit() { return unauthLimit; }

        @Override
        public void setClientLimits(long clientLimit, long unauthClientLimit) {
            limit = clientLimit;
            unauthLimit = unauthClientLimit;
        }
    }

    static final class Daemon implements Servers {
        final Server lock = new Server("virtlockd", 1024);
        final Server admin = new Server("admin", 5000);

        @Override public List<ServerView> servers() { return List.of(lock, admin); }
        @Override public Optional<ServerView> server(String name) { return servers().stream().filter(s -> s.name().equals(name)).findFirst(); }
        @Override public int totalClients() { return lock.clients.size() + admin.clients.size(); }
    }

    static final class Logging implements LogControl {
        List<String> outputs = List.of("3:stderr");
        List<String> filters = List.of();
        LogSettingsException refuse;
        final List<String> calls = new ArrayList<>();

        @Override public List<String> outputs() { return outputs; }
        @Override public List<String> filters() { return filters; }

        @Override
        public void setOutputs(String text) throws LogSettingsException {
            calls.add("outputs " + text);
            if (refuse != null) {
                throw refuse;
            }
        }

        @Override
        public void setFilters(String text) throws LogSettingsException {
            calls.add("filters " + text);
            if (refuse != null) {
                throw refuse;
            }
        }
    }

    static final class Timeout implements IdleTimeout {
        final List<Integer> set = new ArrayList<>();

        @Override
        public int timeoutSeconds() {
            return set.isEmpty() ? 0 : set.get(set.size() - 1);
        }

        @Override
        public void setTimeoutSeconds(int seconds) {
            set.add(seconds);
        }
    }
}
