package org.virtlockd.transport;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The running libvirt servers of this daemon ({@code virtlockd}, {@code admin}), for the admin program,
 * the idle timeout and the shell. Registered by the transport once its sockets listen.
 */
@ProviderType
public interface Servers {

    /** @return the servers, in libvirt's listing order ({@code virtlockd}, then {@code admin}) */
    List<ServerView> servers();

    /**
     * @param name a server name
     * @return that server, if this daemon runs it
     */
    Optional<ServerView> server(String name);

    /** @return the number of connected clients of all servers together */
    int totalClients();
}
