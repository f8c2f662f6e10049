package org.virtlockd.lockprogram.internal;

import org.virtlockd.lockprogram.ClientRegistration;
import org.virtlockd.protocol.Owner;

/**
 * One lock-program connection's state, libvirt's {@code virLockDaemonClient} minus the peer pid (the
 * session has that): whether the connection is restricted, and the owner it registered. "Registered"
 * means a non-zero owner id, as in libvirt 9.0.0. Calls of one session arrive one at a time; the
 * methods are synchronized only so that the close callback, which may run on another thread, sees
 * the last registration.
 */
final class ClientState {

    private boolean restricted;
    private Owner owner;

    /** Records the owner, replacing any earlier registration (REGISTER). */
    synchronized void register(Owner newOwner) {
        owner = newOwner;
    }

    /** Forbids every further lock procedure on this connection (RESTRICT). */
    synchronized void restrict() {
        restricted = true;
    }

    synchronized boolean restricted() {
        return restricted;
    }

    /** @return whether an owner with a non-zero id has been registered */
    synchronized boolean registered() {
        return owner != null && owner.id() != 0;
    }

    /** @return the registered owner's pid, 0 when none is registered */
    synchronized long ownerPid() {
        return owner == null ? 0 : owner.pid();
    }

    /** @return the registered owner, or null */
    synchronized Owner owner() {
        return owner;
    }

    /** @return owner and restriction at this moment, as one consistent snapshot */
    synchronized ClientRegistration registration() {
        return new ClientRegistration(owner, restricted);
    }

    @Override
    public synchronized String toString() {
        return owner == null ? "unregistered" + (restricted ? ", restricted" : "")
                : "owner " + owner.name() + " id " + owner.id() + " pid " + owner.pid()
                        + (restricted ? ", restricted" : "");
    }
}
