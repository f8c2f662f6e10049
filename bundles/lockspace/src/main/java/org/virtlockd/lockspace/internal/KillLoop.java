package org.virtlockd.lockspace.internal;

import org.virtlockd.filelock.ProcessSignals;

/**
 * The holder rule's signals (libvirt's {@code virLockDaemonClientFree}): {@value #ROUNDS} rounds
 * {@value #INTERVAL_MILLIS} ms apart; round 0 sends SIGTERM, round {@value #KILL_ROUND} SIGKILL, the
 * others signal 0; the loop ends as soon as the process no longer exists (ESRCH). Pids of 1 and
 * below count as gone. Each round is a scheduled task, so no thread sleeps between rounds.
 */
final class KillLoop {

    /** Rounds at most: 15, about 3 seconds in all. */
    static final int ROUNDS = 15;
    /** The round that sends SIGKILL, 1.6 s after SIGTERM. */
    static final int KILL_ROUND = 8;
    /** Pause after every round. */
    static final long INTERVAL_MILLIS = 200;

    private final ProcessSignals signals;
    private final Scheduler scheduler;
    private final ModelLog log;

    KillLoop(ProcessSignals signals, Scheduler scheduler, ModelLog log) {
        this.signals = signals;
        this.scheduler = scheduler;
        this.log = log;
    }

    /** Starts the rounds for a pid (an unsigned 32-bit owner pid, used as a {@code pid_t}). */
    void start(long ownerPid) {
        int pid = (int) ownerPid;
        scheduler.schedule(() -> round(pid, 0), 0);
    }

    private void round(int pid, int round) {
        int signal = round == 0 ? ProcessSignals.SIGTERM : round == KILL_ROUND ? ProcessSignals.SIGKILL : ProcessSignals.CHECK;
        int errno = pid <= 1 ? ProcessSignals.ESRCH : signals.send(pid, signal);
        if (errno == ProcessSignals.ESRCH) {
            log.debug("Lock holder pid " + pid + " is gone after round " + round);
            return;
        }
        if (errno != 0) {
            log.warn("Failed to kill off pid " + pid);
        }
        if (round + 1 < ROUNDS) {
            scheduler.schedule(() -> round(pid, round + 1), INTERVAL_MILLIS);
        }
    }
}
