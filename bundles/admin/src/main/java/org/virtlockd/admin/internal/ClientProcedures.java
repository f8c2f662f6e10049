package org.virtlockd.admin.internal;

import java.util.List;

import org.virtlockd.protocol.AdminClient;
import org.virtlockd.protocol.AdminServer;
import org.virtlockd.protocol.Limits;
import org.virtlockd.protocol.TypedParam;
import org.virtlockd.protocol.XdrException;
import org.virtlockd.protocol.XdrReader;
import org.virtlockd.transport.RpcResult;
import org.virtlockd.transport.ServerView;
import org.virtlockd.transport.Session;

/**
 * Procedures 8 to 11: a server's clients, one client's identity, and closing a client. Closing a lock client
 * ends its session like a hang-up would, so the lock program's holder rule runs for a QEMU holder.
 */
final class ClientProcedures {

    static final String READONLY = "readonly";
    static final String UNIX_USER_ID = "unix_user_id";
    static final String UNIX_USER_NAME = "unix_user_name";
    static final String UNIX_GROUP_ID = "unix_group_id";
    static final String UNIX_GROUP_NAME = "unix_group_name";
    static final String UNIX_PROCESS_ID = "unix_process_id";

    private final Lookup lookup;
    private final AccountNames names;

    ClientProcedures(Lookup lookup, AccountNames names) {
        this.lookup = lookup;
        this.names = names;
    }

    /** 8: the clients in connection order, or only their number. */
    RpcResult listClients(XdrReader in) throws XdrException, AdminFailure {
        AdminServer srv = AdminServer.decode(in);
        long needResults = in.readUnsignedInt();
        long flags = in.readUnsignedInt();
        ServerView server = lookup.server(srv);
        AdminErrors.checkFlags(flags, "adminServerListClients");
        List<Session> clients = server.clients();
        if (clients.size() > Limits.ADMIN_CLIENT_LIST_MAX) {
            throw AdminErrors.tooMany("clients", clients.size(), Limits.ADMIN_CLIENT_LIST_MAX);
        }
        List<AdminClient> listed = needResults != 0 ? clients.stream().map(c -> Lookup.describe(server, c)).toList() : List.of();
        return RpcResult.ok(w -> {
            w.writeArray(listed, Limits.ADMIN_CLIENT_LIST_MAX, (x, c) -> c.encode(x));
            w.writeUnsignedInt(clients.size());
        });
    }

    /** 9. */
    RpcResult lookupClient(XdrReader in) throws XdrException, AdminFailure {
        AdminServer srv = AdminServer.decode(in);
        long id = in.readUnsignedHyper();
        long flags = in.readUnsignedInt();
        ServerView server = lookup.server(srv);
        AdminErrors.checkFlags(flags, "adminServerLookupClient");
        AdminClient client = Lookup.describe(server, Lookup.client(server, id));
        return RpcResult.ok(client::encode);
    }

    /** 10: the identity libvirt gives a local client on its first call. */
    RpcResult clientInfo(XdrReader in) throws XdrException, AdminFailure {
        AdminClient clnt = AdminClient.decode(in);
        long flags = in.readUnsignedInt();
        ServerView server = lookup.matchingServer(clnt.server());
        Session client = Lookup.matchingClient(server, clnt.id());
        AdminErrors.checkFlags(flags, "adminClientGetInfo");
        if (!client.hasIdentity()) {
            throw AdminErrors.noIdentity();
        }
        List<TypedParam> params = List.of(new TypedParam.BooleanParam(READONLY, false),
                new TypedParam.IntParam(UNIX_USER_ID, (int) client.peerUid()),
                new TypedParam.StringParam(UNIX_USER_NAME, names.user(client.peerUid())),
                new TypedParam.IntParam(UNIX_GROUP_ID, (int) client.peerGid()),
                new TypedParam.StringParam(UNIX_GROUP_NAME, names.group(client.peerGid())),
                new TypedParam.IntParam(UNIX_PROCESS_ID, (int) client.peerPid()));
        return RpcResult.ok(w -> TypedParam.encodeArray(w, params, Limits.ADMIN_CLIENT_INFO_PARAMETERS_MAX));
    }

    /** 11. */
    RpcResult closeClient(XdrReader in) throws XdrException, AdminFailure {
        AdminClient clnt = AdminClient.decode(in);
        long flags = in.readUnsignedInt();
        ServerView server = lookup.server(clnt.server());
        Session client = Lookup.client(server, clnt.id());
        AdminErrors.checkFlags(flags, "adminClientClose");
        client.close();
        return RpcResult.ok();
    }
}
