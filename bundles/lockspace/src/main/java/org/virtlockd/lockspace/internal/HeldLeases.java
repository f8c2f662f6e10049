package org.virtlockd.lockspace.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

import org.virtlockd.api.Lease;

/**
 * The leases one {@link LockManagerComponent} object took and has not released, oldest first. A pid may
 * hold a shared resource more than once, as in the model, so this is a list, not a set. Callers
 * synchronize on the object for compound steps; each method is synchronized as well.
 */
final class HeldLeases {

    private final List<Lease> leases = new ArrayList<>();

    synchronized void add(Lease lease) {
        leases.add(lease);
    }

    /** Forgets the oldest lease of the pid on the resource, as the model removes one occurrence. */
    synchronized void removeOne(String lockspace, String name, long pid) {
        for (Iterator<Lease> it = leases.iterator(); it.hasNext();) {
            Lease lease = it.next();
            if (matches(lease, pid) && lease.lockspace().equals(lockspace) && lease.name().equals(name)) {
                it.remove();
                return;
            }
        }
    }

    /** Forgets every lease of the pid. */
    synchronized void removePid(long pid) {
        leases.removeIf(lease -> matches(lease, pid));
    }

    synchronized List<Lease> snapshot() {
        return List.copyOf(leases);
    }

    /** @return every lease, newest first (the order to release them in), and forgets them */
    synchronized List<Lease> drain() {
        List<Lease> all = new ArrayList<>(leases);
        leases.clear();
        Collections.reverse(all);
        return all;
    }

    private static boolean matches(Lease lease, long pid) {
        return Owners.normalise(lease.owner().pid()) == Owners.normalise(pid);
    }
}
