package org.virtlockd.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A read-only view of one held resource.
 *
 * @param lockspace the key of the lockspace holding it ({@code ""} for the default one)
 * @param name the resource name as the acquirer gave it
 * @param path the file locked: {@code <lockspace>/<name>}, or the name in the default lockspace
 * @param flags the flags of the first acquirer, which the entry keeps
 * @param owners the owner pids in acquisition order; a pid may appear more than once
 * @param fd the descriptor number that holds the lock
 * @param acquiredAt when the first acquirer took the lock (or when the lock was adopted)
 */
public record ResourceInfo(String lockspace, String name, String path, Set<LockFlag> flags,
        List<Long> owners, int fd, Instant acquiredAt) {

    /** Checks the arguments and makes the collections unmodifiable copies. */
    public ResourceInfo {
        Objects.requireNonNull(lockspace, "lockspace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        flags = Set.copyOf(flags);
        owners = List.copyOf(owners);
        Objects.requireNonNull(acquiredAt, "acquiredAt");
    }

    /** @return whether the entry was acquired shared */
    public boolean shared() {
        return flags.contains(LockFlag.SHARED);
    }

    /** @return whether the resource file is created on acquire and deleted after the last release */
    public boolean autocreate() {
        return flags.contains(LockFlag.AUTOCREATE);
    }
}
