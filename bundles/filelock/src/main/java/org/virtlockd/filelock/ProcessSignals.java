package org.virtlockd.filelock;

import org.osgi.annotation.versioning.ProviderType;

/** Sends signals to processes, as {@code kill(2)} does. */
@ProviderType
public interface ProcessSignals {

    /** Signal 0: sends nothing, only checks that the process exists. */
    int CHECK = 0;
    /** SIGKILL on Linux. */
    int SIGKILL = 9;
    /** SIGTERM on Linux. */
    int SIGTERM = 15;
    /** ESRCH on Linux: no such process. */
    int ESRCH = 3;

    /**
     * Sends a signal to one process. Like libvirt's {@code virProcessKill}, pids of 1 and below
     * (init, process groups, every process) are never signalled: they answer {@link #ESRCH}.
     *
     * @param pid the process id
     * @param signal the signal number, or {@link #CHECK}
     * @return 0 if the signal was sent, otherwise the errno ({@link #ESRCH} if there is no such process)
     */
    int send(int pid, int signal);
}
