package org.virtlockd.transport;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** One server: its clients and its client limit, which can change at runtime. */
@ProviderType
public interface ServerView {

    /** @return libvirt's server name */
    String name();

    /** @return the most clients served at once; more wait in the listen backlog */
    int maxClients();

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
