package org.virtlockd.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * How a resource is acquired. The bit values are libvirt's ({@code VIR_LOCK_SPACE_ACQUIRE_*}); they
 * are the same on the wire and in the restart state's {@code flags}.
 */
public enum LockFlag {

    /** A shared (read) lock: other shared acquirers may join. Without it the lock is exclusive. */
    SHARED(1),
    /** Create the resource file if missing, and delete it when the last owner releases it. */
    AUTOCREATE(2);

    private final int bit;

    LockFlag(int bit) {
        this.bit = bit;
    }

    /** @return libvirt's bit value of this flag */
    public int bit() {
        return bit;
    }

    /**
     * @param flags a set of flags, possibly empty
     * @return libvirt's bit mask of the flags
     */
    public static int toBits(Set<LockFlag> flags) {
        int bits = 0;
        for (LockFlag flag : flags) {
            bits |= flag.bit;
        }
        return bits;
    }

    /**
     * @param bits a bit mask of libvirt's acquire flags
     * @return the flags in the mask
     * @throws IllegalArgumentException if the mask has bits that are no flag
     */
    public static Set<LockFlag> fromBits(int bits) {
        Set<LockFlag> flags = EnumSet.noneOf(LockFlag.class);
        int rest = bits;
        for (LockFlag flag : values()) {
            if ((rest & flag.bit) != 0) {
                flags.add(flag);
                rest &= ~flag.bit;
            }
        }
        if (rest != 0) {
            throw new IllegalArgumentException("unknown lock flag bits 0x" + Integer.toHexString(rest)
                    + " in 0x" + Integer.toHexString(bits));
        }
        return flags;
    }
}
