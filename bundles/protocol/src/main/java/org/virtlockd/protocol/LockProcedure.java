package org.virtlockd.protocol;

import java.util.Optional;

/**
 * Procedures of the lock-space program, with their argument record, the flags they accept and the C
 * function that libvirt names in its unsupported-flags error (checked on the installed 9.0.0 daemon).
 */
public enum LockProcedure {
    /** Args {@link RegisterArgs}. */
    REGISTER(1, "virLockSpaceProtocolDispatchRegister", 0),
    /** Args {@link RestrictArgs}. */
    RESTRICT(2, "virLockSpaceProtocolDispatchRestrict", 0),
    /** Args {@link NewArgs}; libvirt's client never sends it. */
    NEW(3, "virLockSpaceProtocolDispatchNew", 0),
    /** Args {@link ResourceArgs}. */
    CREATE_RESOURCE(4, "virLockSpaceProtocolDispatchCreateResource", 0),
    /** Args {@link ResourceArgs}. */
    DELETE_RESOURCE(5, "virLockSpaceProtocolDispatchDeleteResource", 0),
    /** Args {@link ResourceArgs}; flags {@link LockProtocol#FLAG_SHARED}, {@link LockProtocol#FLAG_AUTOCREATE}. */
    ACQUIRE_RESOURCE(6, "virLockSpaceProtocolDispatchAcquireResource",
            LockProtocol.FLAG_SHARED | LockProtocol.FLAG_AUTOCREATE),
    /** Args {@link ResourceArgs}. */
    RELEASE_RESOURCE(7, "virLockSpaceProtocolDispatchReleaseResource", 0),
    /** Args {@link CreateLockspaceArgs}, which have no flags field. */
    CREATE_LOCKSPACE(8, "virLockSpaceProtocolDispatchCreateLockspace", 0);

    private final int number;
    private final String cFunction;
    private final int allowedFlags;

    LockProcedure(int number, String cFunction, int allowedFlags) {
        this.number = number;
        this.cFunction = cFunction;
        this.allowedFlags = allowedFlags;
    }

    /** @return the procedure number in the header */
    public int number() {
        return number;
    }

    /** @return the C function named by {@link RpcError#unsupportedFlags} */
    public String cFunction() {
        return cFunction;
    }

    /** @return the flag bits the procedure accepts */
    public int allowedFlags() {
        return allowedFlags;
    }

    /** @return the procedure with this number, or empty (libvirt: "unknown procedure: n") */
    public static Optional<LockProcedure> of(int number) {
        LockProcedure[] all = values();
        return number >= 1 && number <= all.length ? Optional.of(all[number - 1]) : Optional.empty();
    }
}
