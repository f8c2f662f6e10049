package org.virtlockd.transport;

import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One client connection of a server, with the peer's credentials taken at accept time (SO_PEERCRED).
 * Programs keep their per-connection state here.
 */
@ProviderType
public interface Session {

    /** @return the client id, unique within its server, starting at 1 and never reused */
    long id();

    /** @return the server name ({@code virtlockd} or {@code admin}) */
    String server();

    /** @return the peer's process id */
    long peerPid();

    /** @return the peer's user id */
    long peerUid();

    /** @return the peer's group id */
    long peerGid();

    /** @return when the connection was accepted */
    Instant connectedAt();

    /**
     * libvirt creates a client's identity (user, group, process) lazily, when the client's first call to a
     * known procedure has decoded arguments; the admin program's CLIENT_GET_INFO fails for a client without
     * one. Sessions that do not track this answer true.
     *
     * @return true once the client made such a call
     * @since 1.1
     */
    default boolean hasIdentity() {
        return true;
    }

    /**
     * @param key the program's key
     * @return the state the program attached, or null
     */
    Object attachment(Object key);

    /**
     * @param key the program's key
     * @param value the state to keep with this session, or null to remove it
     */
    void attach(Object key, Object value);

    /** Closes the connection (after a reply in progress); programs are told through sessionClosed. */
    void close();
}
