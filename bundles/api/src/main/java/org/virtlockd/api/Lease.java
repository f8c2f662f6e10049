package org.virtlockd.api;

import java.util.Objects;
import java.util.Set;

/**
 * One acquisition made through a {@link LockManager}: which resource, how, and for which owner. A lease
 * is a value: it does not change when the resource is released; {@link LockManager#leases()} tells which
 * leases a service object still holds.
 *
 * @param owner the owner the resource was acquired for
 * @param lockspace the lockspace key ({@code ""} for the default lockspace, where names are paths)
 * @param name the resource name
 * @param flags the flags of the acquisition ({@link LockFlag#SHARED}, {@link LockFlag#AUTOCREATE})
 */
public record Lease(LockOwner owner, String lockspace, String name, Set<LockFlag> flags) {

    /** Checks the arguments and makes the flags an unmodifiable copy. */
    public Lease {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(lockspace, "lockspace");
        Objects.requireNonNull(name, "name");
        flags = Set.copyOf(flags);
    }

    /** @return whether the lease is shared; otherwise it is exclusive */
    public boolean shared() {
        return flags.contains(LockFlag.SHARED);
    }

    /** @return whether the resource file was created on acquire and goes with its last release */
    public boolean autocreate() {
        return flags.contains(LockFlag.AUTOCREATE);
    }
}
