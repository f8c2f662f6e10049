package org.virtlockd.admin.internal;

import java.util.function.Supplier;

import org.virtlockd.protocol.AdminClient;
import org.virtlockd.protocol.AdminProtocol;
import org.virtlockd.protocol.AdminServer;
import org.virtlockd.transport.ServerView;
import org.virtlockd.transport.Servers;
import org.virtlockd.transport.Session;

/** Servers by name and clients by id, failing with the RPC layer's or the admin dispatcher's text. */
final class Lookup {

    private final Supplier<Servers> servers;

    Lookup(Supplier<Servers> servers) {
        this.servers = servers;
    }

    Servers servers() throws AdminFailure {
        Servers s = servers.get();
        if (s == null) {
            throw AdminErrors.unavailable("servers (" + Servers.class.getName() + ")");
        }
        return s;
    }

    /** {@code virNetDaemonGetServer}: "No server named ..." (domain RPC). */
    ServerView server(AdminServer srv) throws AdminFailure {
        return servers().server(srv.name()).orElseThrow(() -> AdminErrors.noServer(srv.name()));
    }

    /** The admin dispatcher's lookup: "no server with matching name ..." (domain ADMIN). */
    ServerView matchingServer(AdminServer srv) throws AdminFailure {
        return servers().server(srv.name()).orElseThrow(() -> AdminErrors.noMatchingServer(srv.name()));
    }

    /** {@code virNetServerGetClient}: "No client with matching ID ..." (domain RPC). */
    static Session client(ServerView server, long id) throws AdminFailure {
        return server.client(id).orElseThrow(() -> AdminErrors.noClient(id));
    }

    /** The admin dispatcher's lookup: "no client with matching id ..." (domain ADMIN). */
    static Session matchingClient(ServerView server, long id) throws AdminFailure {
        return server.client(id).orElseThrow(() -> AdminErrors.noMatchingClient(id));
    }

    /** {@code make_nonnull_client}: the client as the admin protocol describes it. */
    static AdminClient describe(ServerView server, Session client) {
        return new AdminClient(new AdminServer(server.name()), client.id(), client.connectedAt().getEpochSecond(),
                AdminProtocol.TRANSPORT_UNIX);
    }
}
