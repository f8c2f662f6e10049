package org.virtlockd.admin.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.virtlockd.protocol.AdminServer;
import org.virtlockd.protocol.Limits;
import org.virtlockd.protocol.TypedParam;
import org.virtlockd.protocol.TypedParamType;
import org.virtlockd.protocol.XdrException;
import org.virtlockd.protocol.XdrReader;
import org.virtlockd.transport.RpcResult;
import org.virtlockd.transport.ServerView;

/** Procedures 4 to 7, 12, 13 and 18: servers, their worker pools, client limits and TLS files. */
final class ServerProcedures {

    static final String CLIENTS_MAX = "nclients_max";
    static final String CLIENTS = "nclients";
    static final String CLIENTS_UNAUTH_MAX = "nclients_unauth_max";
    static final String CLIENTS_UNAUTH = "nclients_unauth";

    private static final Map<String, TypedParamType> THREADPOOL_SETTABLE = Map.of(ThreadPool.MIN_WORKERS,
            TypedParamType.UINT, ThreadPool.MAX_WORKERS, TypedParamType.UINT, ThreadPool.PRIORITY_WORKERS, TypedParamType.UINT);
    private static final Map<String, TypedParamType> LIMITS_SETTABLE = Map.of(CLIENTS_MAX, TypedParamType.UINT,
            CLIENTS_UNAUTH_MAX, TypedParamType.UINT);

    private final Lookup lookup;
    private final Map<String, ThreadPool> pools = new ConcurrentHashMap<>();

    ServerProcedures(Lookup lookup) {
        this.lookup = lookup;
    }

    /** 4: every server, or only their number when the caller does not need them. */
    RpcResult listServers(XdrReader in) throws XdrException, AdminFailure {
        long needResults = in.readUnsignedInt();
        long flags = in.readUnsignedInt();
        AdminErrors.checkFlags(flags, "adminConnectListServers");
        List<ServerView> all = lookup.servers().servers();
        List<AdminServer> listed = needResults != 0 ? all.stream().map(s -> new AdminServer(s.name())).toList() : List.of();
        return RpcResult.ok(w -> {
            w.writeArray(listed, Limits.ADMIN_SERVER_LIST_MAX, (x, s) -> s.encode(x));
            w.writeUnsignedInt(all.size());
        });
    }

    /** 5: libvirt passes the flags as their own mask here, so none is refused. */
    RpcResult lookupServer(XdrReader in) throws XdrException, AdminFailure {
        String name = in.readString(Limits.ADMIN_STRING_MAX);
        in.readUnsignedInt();
        ServerView server = lookup.server(new AdminServer(name));
        return RpcResult.ok(w -> new AdminServer(server.name()).encode(w));
    }

    /** 6. */
    RpcResult getThreadPool(XdrReader in) throws XdrException, AdminFailure {
        AdminServer srv = AdminServer.decode(in);
        long flags = in.readUnsignedInt();
        ServerView server = lookup.server(srv);
        AdminErrors.checkFlags(flags, "adminServerGetThreadPoolParameters");
        List<TypedParam> params = pool(server).parameters();
        return RpcResult.ok(w -> TypedParam.encodeArray(w, params, Limits.ADMIN_SERVER_THREADPOOL_PARAMETERS_MAX));
    }

    /** 7. */
    RpcResult setThreadPool(XdrReader in) throws XdrException, AdminFailure {
        AdminServer srv = AdminServer.decode(in);
        List<TypedParam> params = TypedParam.decodeArray(in, Limits.ADMIN_SERVER_THREADPOOL_PARAMETERS_MAX);
        long flags = in.readUnsignedInt();
        ServerView server = lookup.matchingServer(srv);
        TypedParams.checkFieldLengths(params);
        AdminErrors.checkFlags(flags, "adminServerSetThreadPoolParameters");
        TypedParams.validate(params, THREADPOOL_SETTABLE);
        pool(server).set(TypedParams.uint(params, ThreadPool.MIN_WORKERS), TypedParams.uint(params, ThreadPool.MAX_WORKERS),
                TypedParams.uint(params, ThreadPool.PRIORITY_WORKERS));
        return RpcResult.ok();
    }

    /** 12. */
    RpcResult getClientLimits(XdrReader in) throws XdrException, AdminFailure {
        AdminServer srv = AdminServer.decode(in);
        long flags = in.readUnsignedInt();
        ServerView server = lookup.server(srv);
        AdminErrors.checkFlags(flags, "adminServerGetClientLimits");
        List<TypedParam> params = List.of(new TypedParam.UIntParam(CLIENTS_MAX, server.clientLimit()),
                new TypedParam.UIntParam(CLIENTS, server.clients().size()),
                new TypedParam.UIntParam(CLIENTS_UNAUTH_MAX, server.unauthClientLimit()),
                new TypedParam.UIntParam(CLIENTS_UNAUTH, server.unauthClients()));
        return RpcResult.ok(w -> TypedParam.encodeArray(w, params, Limits.ADMIN_SERVER_CLIENT_LIMITS_MAX));
    }

    /** 13: {@code virNetServerSetClientLimits} merges with the current values, then checks. */
    RpcResult setClientLimits(XdrReader in) throws XdrException, AdminFailure {
        AdminServer srv = AdminServer.decode(in);
        List<TypedParam> params = TypedParam.decodeArray(in, Limits.ADMIN_SERVER_CLIENT_LIMITS_MAX);
        long flags = in.readUnsignedInt();
        ServerView server = lookup.matchingServer(srv);
        TypedParams.checkFieldLengths(params);
        AdminErrors.checkFlags(flags, "adminServerSetClientLimits");
        TypedParams.validate(params, LIMITS_SETTABLE);
        Optional<Long> max = TypedParams.uint(params, CLIENTS_MAX);
        Optional<Long> unauthMax = TypedParams.uint(params, CLIENTS_UNAUTH_MAX);
        long newMax = max.orElse(server.clientLimit());
        long newUnauthMax = unauthMax.orElse(server.unauthClientLimit());
        if (newMax < newUnauthMax) {
            throw AdminErrors.unauthAboveMax();
        }
        server.setClientLimits(newMax, newUnauthMax);
        return RpcResult.ok();
    }

    /** 18: always fails on virtlockd, which serves no TLS. */
    RpcResult updateTls(XdrReader in) throws XdrException, AdminFailure {
        AdminServer srv = AdminServer.decode(in);
        long flags = in.readUnsignedInt();
        lookup.server(srv);
        AdminErrors.checkFlags(flags, "adminServerUpdateTlsFiles");
        throw AdminErrors.noTls();
    }

    private ThreadPool pool(ServerView server) {
        return pools.computeIfAbsent(server.name(), n -> new ThreadPool());
    }
}
