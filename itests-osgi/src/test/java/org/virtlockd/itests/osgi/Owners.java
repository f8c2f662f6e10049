package org.virtlockd.itests.osgi;

import java.util.UUID;

import org.virtlockd.api.LockOwner;

/** Test owners. Their pids are above Linux's largest pid_max, so no process is ever meant. */
final class Owners {

    static final long FIRST_PID = 900_000_000L;

    private Owners() {
    }

    static LockOwner owner(int n) {
        return new LockOwner(new UUID(0x7e57L, n), "guest-" + n, n, FIRST_PID + n);
    }
}
