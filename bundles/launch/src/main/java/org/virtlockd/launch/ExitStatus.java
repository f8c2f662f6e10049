package org.virtlockd.launch;

/**
 * Process exit statuses in libvirt's numbering ({@code VIR_DAEMON_ERR_*} in {@code src/util/virdaemon.h};
 * usage, option and configuration errors use {@code EXIT_FAILURE}, which is 1 as well).
 */
public enum ExitStatus {
    /** Normal exit, also after {@code --help} and {@code --version}. */
    SUCCESS(0),
    /** Usage, option value or configuration file error ({@code EXIT_FAILURE}). */
    FAILURE(1),
    /** The pid file could not be acquired ({@code VIR_DAEMON_ERR_PIDFILE}). */
    PIDFILE(1),
    /** The run directory could not be created ({@code VIR_DAEMON_ERR_RUNDIR}). */
    RUNDIR(2),
    /** Daemon initialisation failed, including a failed restart-state restore ({@code VIR_DAEMON_ERR_INIT}). */
    INIT(3),
    /** Signal handlers could not be installed ({@code VIR_DAEMON_ERR_SIGNAL}). */
    SIGNAL(4),
    /** A socket could not be created, bound or claimed ({@code VIR_DAEMON_ERR_NETWORK}). */
    NETWORK(6),
    /** Re-executing the daemon failed ({@code VIR_DAEMON_ERR_REEXEC}). */
    REEXEC(9);

    private final int code;

    ExitStatus(int code) {
        this.code = code;
    }

    /** @return the numeric process exit status */
    public int code() {
        return code;
    }
}
