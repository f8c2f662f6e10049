package org.virtlockd.lockprogram;

import org.virtlockd.protocol.Owner;

/**
 * One lock-program connection's state at one moment.
 *
 * @param owner the owner it registered last (REGISTER), or null when it has not registered
 * @param restricted whether it called RESTRICT, after which every lock procedure is refused
 */
public record ClientRegistration(Owner owner, boolean restricted) {

    /** @return whether an owner with a non-zero id is registered, libvirt 9.0.0's test for "registered" */
    public boolean registered() {
        return owner != null && owner.id() != 0;
    }
}
