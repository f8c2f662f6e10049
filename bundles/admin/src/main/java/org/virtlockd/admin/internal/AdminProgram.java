package org.virtlockd.admin.internal;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.virtlockd.lifecycle.IdleTimeout;
import org.virtlockd.logging.LogControl;
import org.virtlockd.protocol.AdminProcedure;
import org.virtlockd.protocol.AdminProtocol;
import org.virtlockd.protocol.Header;
import org.virtlockd.protocol.XdrException;
import org.virtlockd.protocol.XdrReader;
import org.virtlockd.transport.RpcProgram;
import org.virtlockd.transport.RpcResult;
import org.virtlockd.transport.Servers;
import org.virtlockd.transport.Session;

/**
 * The admin program 0x06900690 version 1 on the {@code admin} server, what {@code virt-admin} talks to
 * (spec 5): its 19 procedures with libvirt 9.0.0's argument checks, error texts and domains. Arguments are
 * decoded completely before anything is checked, as libvirt's generated dispatcher does; a call that fails
 * is answered with libvirt's error and logged, as libvirt logs every error it raises.
 */
@Component(service = RpcProgram.class, immediate = true,
        property = RpcProgram.SERVER_PROPERTY + "=" + RpcProgram.ADMIN_SERVER)
public final class AdminProgram implements RpcProgram {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile LogControl logging;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile IdleTimeout idleTimeout;

    /**
     * Optional and dynamic: the transport registers {@link Servers} only once its sockets listen, and the
     * program must be in place before the first call arrives.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Servers running;

    @Reference(service = LoggerFactory.class, cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Logger logger;

    private final DaemonProcedures daemon;
    private final ServerProcedures servers;
    private final ClientProcedures clients;

    @Activate
    public AdminProgram() {
        this(null, null, null, new AccountNames());
    }

    /** With given services (tests). */
    AdminProgram(Servers servers, LogControl logging, IdleTimeout idleTimeout, AccountNames names) {
        this.running = servers;
        this.logging = logging;
        this.idleTimeout = idleTimeout;
        Lookup lookup = new Lookup(() -> running);
        this.daemon = new DaemonProcedures(() -> this.logging, () -> this.idleTimeout);
        this.servers = new ServerProcedures(lookup);
        this.clients = new ClientProcedures(lookup, names);
    }

    @Override
    public int program() {
        return AdminProtocol.PROGRAM;
    }

    @Override
    public int version() {
        return AdminProtocol.VERSION;
    }

    @Override
    public RpcResult call(Session session, Header header, XdrReader args) throws XdrException {
        Optional<AdminProcedure> procedure = AdminProcedure.of(header.proc());
        if (procedure.isEmpty()) {
            return logged(RpcResult.unknownProcedure(header.proc()));
        }
        try {
            return dispatch(procedure.get(), args);
        } catch (AdminFailure e) {
            return logged(RpcResult.error(e.error()));
        }
    }

    private RpcResult dispatch(AdminProcedure procedure, XdrReader in) throws XdrException, AdminFailure {
        return switch (procedure) {
            case CONNECT_OPEN -> daemon.open(in);
            case CONNECT_CLOSE -> daemon.close();
            case CONNECT_GET_LIB_VERSION -> daemon.libraryVersion();
            case CONNECT_LIST_SERVERS -> servers.listServers(in);
            case CONNECT_LOOKUP_SERVER -> servers.lookupServer(in);
            case SERVER_GET_THREADPOOL_PARAMETERS -> servers.getThreadPool(in);
            case SERVER_SET_THREADPOOL_PARAMETERS -> servers.setThreadPool(in);
            case SERVER_LIST_CLIENTS -> clients.listClients(in);
            case SERVER_LOOKUP_CLIENT -> clients.lookupClient(in);
            case CLIENT_GET_INFO -> clients.clientInfo(in);
            case CLIENT_CLOSE -> clients.closeClient(in);
            case SERVER_GET_CLIENT_LIMITS -> servers.getClientLimits(in);
            case SERVER_SET_CLIENT_LIMITS -> servers.setClientLimits(in);
            case CONNECT_GET_LOGGING_OUTPUTS -> daemon.getOutputs(in);
            case CONNECT_GET_LOGGING_FILTERS -> daemon.getFilters(in);
            case CONNECT_SET_LOGGING_OUTPUTS -> daemon.setOutputs(in);
            case CONNECT_SET_LOGGING_FILTERS -> daemon.setFilters(in);
            case SERVER_UPDATE_TLS_FILES -> servers.updateTls(in);
            case CONNECT_SET_DAEMON_TIMEOUT -> daemon.setTimeout(in);
        };
    }

    private RpcResult logged(RpcResult result) {
        Logger l = logger;
        if (l != null) {
            l.error(result.error().message());
        }
        return result;
    }
}
