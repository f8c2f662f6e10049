package org.virtlockd.api;

import java.util.Objects;

/**
 * A read-only view of one lockspace.
 *
 * @param path the lockspace's key: {@code ""} for the default lockspace, else its directory exactly
 *     as it was given when the lockspace was created
 * @param resources how many resources the lockspace holds right now
 */
public record LockspaceInfo(String path, int resources) {

    /** Checks the arguments. */
    public LockspaceInfo {
        Objects.requireNonNull(path, "path");
        if (resources < 0) {
            throw new IllegalArgumentException("resources must not be negative, got " + resources);
        }
    }

    /** @return whether this is the default (direct) lockspace */
    public boolean isDefault() {
        return path.isEmpty();
    }
}
