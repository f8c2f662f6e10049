package org.virtlockd.launch;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Control of the daemon process, which only the launcher owns: bundles report readiness or a fatal
 * start-up error, and ask for shutdown; the launcher decides about exit statuses and exits.
 */
@ProviderType
public interface DaemonControl {

    /** Every socket is listening and serving: release a waiting {@code --daemon} parent, notify systemd. */
    void ready();

    /**
     * A fatal error: the launcher logs the message, stops the framework and exits with the status.
     *
     * @param status the exit status in libvirt's numbering
     * @param message what went wrong, naming the file, key or path concerned
     */
    void fail(ExitStatus status, String message);

    /** Ask for an orderly shutdown with exit status 0, as SIGTERM does (used by the idle timeout). */
    void shutdown();
}
