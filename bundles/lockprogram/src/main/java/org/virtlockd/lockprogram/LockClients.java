package org.virtlockd.lockprogram;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.virtlockd.transport.Session;

/**
 * What the lock program knows about its clients, read-only: registered by the program as a service next
 * to its {@code RpcProgram}. Safe to call from any thread; every answer is a snapshot.
 */
@ProviderType
public interface LockClients {

    /**
     * @param session a session of the {@code virtlockd} server
     * @return its registration and restriction, or empty when the session has not called the lock
     *     program yet (or belongs to another server)
     */
    Optional<ClientRegistration> registration(Session session);

    /** @return calls and error replies of every lock procedure since the program started, by number */
    List<ProcedureCount> procedureCounts();

    /** @return calls of procedure numbers the program does not have (each answered with an error) */
    long unknownProcedureCalls();
}
