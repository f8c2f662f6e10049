package org.virtlockd.lockprogram.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.virtlockd.api.LockException;
import org.virtlockd.protocol.LockProcedure;
import org.virtlockd.protocol.RpcError;

/** The one mapper: every field of libvirt's error struct, as spec 1.6 fills it. */
class WireErrorsTest {

    @Test
    void systemErrorsCarryErrnoAndStrerror() {
        RpcError error = WireErrors.of(LockException.system(0, 13, "Permission denied", "cannot create file '/x'"));
        assertEquals(new RpcError(38, 0, "cannot create file '/x': Permission denied", 2, "%s",
                "cannot create file '/x': Permission denied", null, 13, -1), error);
    }

    @Test
    void ordinaryErrorsUseTheCodesTemplate() {
        RpcError error = WireErrors.of(LockException.of(87, 51, "Lockspace resource 'r' is locked"));
        assertEquals(new RpcError(87, 51, "resource busy: Lockspace resource 'r' is locked", 2,
                "resource busy: %s", "Lockspace resource 'r' is locked", null, -1, -1), error);
    }

    @Test
    void guardErrorsAreInTheRpcDomain() {
        assertEquals(new RpcError(29, 7, "operation forbidden: lock manager connection has been restricted", 2,
                "operation forbidden: %s", "lock manager connection has been restricted", null, -1, -1),
                WireErrors.restricted());
        assertEquals(new RpcError(1, 7, "internal error: Lockspace for path /a/ does not exist", 2,
                "internal error: %s", "Lockspace for path /a/ does not exist", null, -1, -1),
                WireErrors.noLockspace("/a/"));
        assertEquals(new RpcError(8, 7, "unsupported flags (0x80000000) in function virLockSpaceProtocolDispatchNew",
                2, "virLockSpaceProtocolDispatchNew", "flags", null, 0, 0),
                WireErrors.unsupportedFlags(LockProcedure.NEW, 0x8000_0000));
    }

    @Test
    void unknownCodesOrDomainsAreDefectsNotWireErrors() {
        assertThrows(IllegalArgumentException.class, () -> WireErrors.of(LockException.of(9999, 51, "x")));
        assertThrows(IllegalArgumentException.class, () -> WireErrors.of(LockException.system(4242, 2, "e", "x")));
    }
}
