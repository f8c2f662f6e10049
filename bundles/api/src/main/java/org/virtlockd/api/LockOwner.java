package org.virtlockd.api;

import java.util.Objects;
import java.util.UUID;

/**
 * A lock owner as the lock protocol's REGISTER names it: usually a guest, identified by its domain's
 * UUID and name, libvirt's domain id and the pid of the process that runs it.
 *
 * <p>As in the protocol, the lock model keys leases by the {@link #pid()} alone: two owners with the same
 * pid are the same owner for acquire, release and {@link LockManager#releaseAll(LockOwner)}. An owner
 * with id 0 counts as not registered ({@link #registered()}), as in libvirt 9.0.0, and may not take or
 * release leases.
 *
 * @param uuid the owner's UUID (the domain's)
 * @param name the owner's name (the domain's), a byte string by the convention of {@link RawStrings}
 * @param id the owner's id, unsigned 32-bit; 0 means not registered
 * @param pid the owner's process id, unsigned 32-bit
 */
public record LockOwner(UUID uuid, String name, long id, long pid) {

    /** Largest id and pid: the protocol carries both as unsigned 32-bit numbers. */
    public static final long MAX_NUMBER = 0xFFFF_FFFFL;

    /** Checks that the fields are present and the numbers fit an unsigned 32-bit integer. */
    public LockOwner {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(name, "name");
        if (id < 0 || id > MAX_NUMBER || pid < 0 || pid > MAX_NUMBER) {
            throw new IllegalArgumentException("owner id and pid must be unsigned 32-bit: id=" + id + ", pid=" + pid);
        }
    }

    /** @return whether the owner counts as registered: a non-zero id, libvirt 9.0.0's test */
    public boolean registered() {
        return id != 0;
    }
}
