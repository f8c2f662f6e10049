package org.virtlockd.lifecycle;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The daemon's idle timeout (spec 6.8): while neither server has a client (admin connections count), a
 * timer runs; any new client stops it; when it expires the daemon shuts down in order with exit status 0.
 * Held locks alone do not keep the daemon alive. Set at start by {@code -t SECS}; admin procedure 19
 * ({@code virt-admin daemon-timeout}) changes it at runtime.
 */
@ProviderType
public interface IdleTimeout {

    /** The largest timeout {@code -t} accepts, in seconds (libvirt's limit). */
    int MAX_SECONDS = 2_147_483;

    /** @return the timeout in seconds, 0 when the daemon never stops for being idle */
    int timeoutSeconds();

    /**
     * Sets the timeout; when the daemon is idle now, the countdown starts again from now.
     *
     * @param seconds 1 to {@link #MAX_SECONDS}, or 0 to disable
     * @throws IllegalArgumentException for a negative or too large value
     */
    void setTimeoutSeconds(int seconds);
}
