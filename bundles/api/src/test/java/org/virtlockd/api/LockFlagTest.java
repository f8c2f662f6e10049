package org.virtlockd.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class LockFlagTest {

    @Test
    void bitsAreLibvirts() {
        assertEquals(0, LockFlag.toBits(Set.of()));
        assertEquals(1, LockFlag.toBits(EnumSet.of(LockFlag.SHARED)));
        assertEquals(2, LockFlag.toBits(EnumSet.of(LockFlag.AUTOCREATE)));
        assertEquals(3, LockFlag.toBits(EnumSet.allOf(LockFlag.class)));
    }

    @Test
    void fromBitsRoundTrips() {
        for (int bits = 0; bits <= 3; bits++) {
            assertEquals(bits, LockFlag.toBits(LockFlag.fromBits(bits)));
        }
        assertEquals(EnumSet.of(LockFlag.SHARED, LockFlag.AUTOCREATE), LockFlag.fromBits(3));
    }

    @Test
    void unknownBitsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LockFlag.fromBits(5));
        assertEquals("unknown lock flag bits 0x4 in 0x5", e.getMessage());
    }
}
