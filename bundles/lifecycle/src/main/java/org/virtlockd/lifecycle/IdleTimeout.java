package org.virtlockd.lifecycle;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The idle auto-shutdown (spec 6.8): the daemon exits when neither server has had a client for the
 * timeout. Started by {@code -t}; changed at runtime by virt-admin's {@code daemon-timeout}.
 */
@ProviderType
public interface IdleTimeout {

    /**
     * Replaces the timeout, as libvirt's {@code virNetDaemonAutoShutdown} does.
     *
     * @param seconds the new timeout in seconds; 0 disables the idle shutdown
     */
    void setTimeout(int seconds);
}
