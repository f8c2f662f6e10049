package org.virtlockd.lockprogram.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.LoggerFactory;
import org.virtlockd.api.LockException;
import org.virtlockd.api.LockSpaces;
import org.virtlockd.api.OwnerFencing;
import org.virtlockd.lockprogram.ClientRegistration;
import org.virtlockd.lockprogram.LockClients;
import org.virtlockd.lockprogram.ProcedureCount;
import org.virtlockd.protocol.CreateLockspaceArgs;
import org.virtlockd.protocol.Header;
import org.virtlockd.protocol.LockProcedure;
import org.virtlockd.protocol.LockProtocol;
import org.virtlockd.protocol.NewArgs;
import org.virtlockd.protocol.RegisterArgs;
import org.virtlockd.protocol.ResourceArgs;
import org.virtlockd.protocol.RestrictArgs;
import org.virtlockd.protocol.XdrException;
import org.virtlockd.protocol.XdrReader;
import org.virtlockd.transport.RpcProgram;
import org.virtlockd.transport.RpcResult;
import org.virtlockd.transport.Session;

/**
 * The lock-space program 0x0EA7BEEF version 1 on the {@code virtlockd} server. Decodes the arguments,
 * runs the procedure's handler with the connection's {@link ClientState}, and maps what it throws: the
 * one place where refusals and the model's errors become wire errors. When a connection ends, applies
 * libvirt's holder rule. Also the read-only {@link LockClients} view of that state, for the shell.
 */
@Component(service = {RpcProgram.class, LockClients.class}, immediate = true,
        property = RpcProgram.SERVER_PROPERTY + "=" + RpcProgram.LOCK_SERVER)
public final class LockProgramComponent implements RpcProgram, LockClients {

    /** Session key of the {@link ClientState}; a new bundle revision starts with fresh state. */
    private static final Object STATE_KEY = ClientState.class;

    @Reference(service = LoggerFactory.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC)
    private volatile LoggerFactory loggerFactory;

    private final OwnerFencing fencing;
    private final DispatchLog log;
    private final LockHandlers handlers;
    private final ProcedureStats stats = new ProcedureStats();

    /**
     * @param lockSpaces the lock service the procedures act on
     * @param fencing the holder rule
     */
    @Activate
    public LockProgramComponent(@Reference(name = "lockSpaces") LockSpaces lockSpaces,
            @Reference(name = "fencing") OwnerFencing fencing) {
        this(lockSpaces, fencing, null);
    }

    /** With a given log (tests); null for the OSGi or platform log. */
    LockProgramComponent(LockSpaces lockSpaces, OwnerFencing fencing, DispatchLog log) {
        this.fencing = fencing;
        this.log = log != null ? log : new DispatchLog(() -> loggerFactory);
        this.handlers = new LockHandlers(lockSpaces, this.log);
    }

    @Override
    public int program() {
        return LockProtocol.PROGRAM;
    }

    @Override
    public int version() {
        return LockProtocol.VERSION;
    }

    @Override
    public RpcResult call(Session session, Header header, XdrReader args) throws XdrException {
        Optional<LockProcedure> known = LockProcedure.of(header.proc());
        if (known.isEmpty()) {
            stats.unknownCalled();
            return logged(RpcResult.unknownProcedure(header.proc()));
        }
        LockProcedure procedure = known.get();
        stats.called(procedure);
        try {
            handle(procedure, state(session), args);
            return RpcResult.ok();
        } catch (Refused e) {
            stats.failed(procedure);
            return logged(RpcResult.error(e.error()));
        } catch (LockException e) {
            stats.failed(procedure);
            return logged(RpcResult.error(WireErrors.of(e)));
        } catch (XdrException | RuntimeException e) {
            stats.failed(procedure);
            throw e;
        }
    }

    private void handle(LockProcedure procedure, ClientState client, XdrReader args) throws XdrException {
        switch (procedure) {
            case REGISTER -> handlers.register(client, RegisterArgs.decode(args));
            case RESTRICT -> handlers.restrict(client, RestrictArgs.decode(args));
            case NEW -> handlers.newLockspace(client, NewArgs.decode(args));
            case CREATE_RESOURCE -> handlers.createResource(client, ResourceArgs.decode(args));
            case DELETE_RESOURCE -> handlers.deleteResource(client, ResourceArgs.decode(args));
            case ACQUIRE_RESOURCE -> handlers.acquire(client, ResourceArgs.decode(args));
            case RELEASE_RESOURCE -> handlers.release(client, ResourceArgs.decode(args));
            case CREATE_LOCKSPACE -> handlers.createLockspace(client, CreateLockspaceArgs.decode(args));
            default -> throw new IllegalStateException("no handler for " + procedure);
        }
    }

    /**
     * The holder rule (spec 3.7): a connection whose peer is the registered owner process takes that
     * owner's locks with it, and the process is fenced off-thread. Any other connection leaves its locks.
     */
    @Override
    public void sessionClosed(Session session) {
        Object attached = session.attachment(STATE_KEY);
        session.attach(STATE_KEY, null);
        if (!(attached instanceof ClientState client) || !client.registered()) {
            return;
        }
        long ownerPid = client.ownerPid();
        log.debug(() -> "client=" + session.peerPid() + " owner=" + ownerPid);
        if (ownerPid != 0 && session.peerPid() == ownerPid) {
            try {
                fencing.releaseAndFence(ownerPid);
            } catch (RuntimeException e) {
                log.error("releasing the locks of owner " + ownerPid + " failed: " + e.getMessage());
            }
        }
    }

    @Override
    public Map<String, Object> saveSession(Session session) {
        return ClientStateJson.save(state(session));
    }

    @Override
    public void restoreSession(Session session, Map<String, Object> privateData) {
        session.attach(STATE_KEY, ClientStateJson.restore(privateData));
    }

    /** @return the per-procedure counters */
    ProcedureStats stats() {
        return stats;
    }

    @Override
    public Optional<ClientRegistration> registration(Session session) {
        return session.attachment(STATE_KEY) instanceof ClientState client ? Optional.of(client.registration())
                : Optional.empty();
    }

    @Override
    public List<ProcedureCount> procedureCounts() {
        return stats.snapshot();
    }

    @Override
    public long unknownProcedureCalls() {
        return stats.unknown();
    }

    private static ClientState state(Session session) {
        Object attached = session.attachment(STATE_KEY);
        if (attached instanceof ClientState client) {
            return client;
        }
        ClientState client = new ClientState();
        session.attach(STATE_KEY, client);
        return client;
    }

    private RpcResult logged(RpcResult result) {
        log.error(result.error().message());
        return result;
    }
}
