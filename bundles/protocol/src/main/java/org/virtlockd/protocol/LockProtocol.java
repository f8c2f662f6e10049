package org.virtlockd.protocol;

/**
 * Constants of the lock-space program ({@code src/locking/lock_protocol.x}), served on
 * {@code virtlockd-sock}. Procedures are in {@link LockProcedure}; every successful reply has an empty
 * payload. Strings are {@code virLockSpaceProtocolNonNullString}, at most {@link Limits#LOCK_STRING_MAX}
 * bytes; a longer one fails argument decoding.
 */
public final class LockProtocol {
    /** {@code VIR_LOCK_SPACE_PROTOCOL_PROGRAM}. */
    public static final int PROGRAM = 0x0EA7BEEF;
    /** {@code VIR_LOCK_SPACE_PROTOCOL_PROGRAM_VERSION}. */
    public static final int VERSION = 1;
    /** {@code VIR_LOCK_SPACE_PROTOCOL_ACQUIRE_RESOURCE_SHARED}: take a shared (read) lock. */
    public static final int FLAG_SHARED = 1;
    /** {@code VIR_LOCK_SPACE_PROTOCOL_ACQUIRE_RESOURCE_AUTOCREATE}: create the resource file if missing. */
    public static final int FLAG_AUTOCREATE = 2;

    private LockProtocol() {
    }
}
