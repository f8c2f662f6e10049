package org.virtlockd.transport;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** One server: its clients and its client limit, which can change at runtime. */
@ProviderType
public interface ServerView {

    /** @return libvirt's server name */
    String name();

    /** @return the most clients served at once; more wait in the listen backlog ({@link #clientLimit()}, at most {@link Integer#MAX_VALUE}) */
    int maxClients();

    /** Largest client limit libvirt accepts: its limits are C {@code unsigned int}s on the wire. */
    long CLIENT_LIMIT_MAX = 0xFFFF_FFFFL;

    /**
     * @return libvirt's {@code nclients_max}, 0 to {@link #CLIENT_LIMIT_MAX}
     * @since 1.1
     */
    default long clientLimit() {
        return maxClients();
    }

    /**
     * @return libvirt's {@code nclients_unauth_max}: the most clients waiting for authentication; set to the
     *         client limit when the server is created
     * @since 1.1
     */
    default long unauthClientLimit() {
        return maxClients();
    }

    /**
     * @return clients waiting for authentication: always 0, as every client of virtlockd's servers is
     *         authenticated ("none") from the start
     * @since 1.1
     */
    default long unauthClients() {
        return 0;
    }

    /**
     * Sets both limits at once (admin SET_CLIENT_LIMITS, after its own validation): accepting pauses or
     * resumes, no client is closed. A limit of 0 stops accepting altogether, as in libvirt.
     *
     * @param clientLimit 0 to {@link #CLIENT_LIMIT_MAX}
     * @param unauthClientLimit 0 to {@code clientLimit}
     * @throws IllegalArgumentException outside those ranges
     * @since 1.1
     */
    default void setClientLimits(long clientLimit, long unauthClientLimit) {
        throw new UnsupportedOperationException("client limits of " + name());
    }

    /**
     * Changes the client limit at once: accepting pauses or resumes, no client is closed.
     *
     * @param max the new limit, at least 1
     */
    void setMaxClients(int max);

    /** @return the connected clients, by id */
    List<Session> clients();

    /**
     * @param id a client id
     * @return the client with that id, if connected
     */
    Optional<Session> client(long id);

    /** @return the next client id this server will give */
    long nextClientId();
}
