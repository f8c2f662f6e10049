package org.virtlockd.lockprogram.internal;

import org.virtlockd.api.LockSpaces;
import org.virtlockd.protocol.LockProcedure;

/**
 * The checks libvirt's lock handlers make before the operation, in its order; the first failing one
 * wins and throws {@link Refused}:
 *
 * <pre>
 * check        applies to                       error
 * 1 flags      1–7 (8 has no flags field)       8/7  unsupported flags (0x&lt;rejected bits&gt;) in function F
 * 2 restricted 1–8                              29/7 lock manager connection has been restricted
 * 3 registered 2–7                              55/7 lock owner details have not been registered
 * 4 lockspace  4–7                              1/7  Lockspace for path P does not exist
 * </pre>
 */
final class Guards {

    /** Which of the checks a procedure's handler makes. */
    private enum Checks {
        RESTRICTED_ONLY(false, false),
        FLAGS(true, false),
        FLAGS_AND_OWNER(true, true);

        final boolean flags;
        final boolean owner;

        Checks(boolean flags, boolean owner) {
            this.flags = flags;
            this.owner = owner;
        }
    }

    private final LockSpaces lockSpaces;

    Guards(LockSpaces lockSpaces) {
        this.lockSpaces = lockSpaces;
    }

    /**
     * Checks 1 to 3 as they apply to the procedure.
     *
     * @param flags the raw flags argument (ignored for CREATE_LOCKSPACE, which has none)
     * @throws Refused on the first failing check
     */
    void check(LockProcedure procedure, int flags, ClientState client) {
        Checks checks = checksOf(procedure);
        int rejected = flags & ~procedure.allowedFlags();
        if (checks.flags && rejected != 0) {
            throw new Refused(WireErrors.unsupportedFlags(procedure, rejected));
        }
        if (client.restricted()) {
            throw new Refused(WireErrors.restricted());
        }
        if (checks.owner && !client.registered()) {
            throw new Refused(WireErrors.notRegistered());
        }
    }

    /**
     * Checks 1 to 4, for the resource procedures (4–7).
     *
     * @throws Refused on the first failing check
     */
    void checkResource(LockProcedure procedure, int flags, ClientState client, String lockspace) {
        check(procedure, flags, client);
        if (!lockSpaces.exists(lockspace)) {
            throw new Refused(WireErrors.noLockspace(lockspace));
        }
    }

    private static Checks checksOf(LockProcedure procedure) {
        return switch (procedure) {
            case CREATE_LOCKSPACE -> Checks.RESTRICTED_ONLY;
            case REGISTER -> Checks.FLAGS;
            default -> Checks.FLAGS_AND_OWNER;
        };
    }
}
