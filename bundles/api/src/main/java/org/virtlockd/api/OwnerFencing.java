package org.virtlockd.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * libvirt's holder rule, for a lock-program connection whose peer pid equals its registered owner
 * pid, when that connection is torn down.
 */
@ProviderType
public interface OwnerFencing {

    /**
     * Releases everything the pid owns ({@link LockSpaces#releaseAll(long)}) and, if it held
     * anything, makes sure the process dies: in the background, 15 rounds 200 ms apart sending
     * SIGTERM in round 0, SIGKILL in round 8 and signal 0 otherwise, until the pid no longer exists.
     * Returns without waiting for the signals.
     *
     * @param pid the holder's pid (values of 1 and below are never signalled)
     * @return whether the pid held anything, i.e. whether the kill rounds were started
     */
    boolean releaseAndFence(long pid);
}
