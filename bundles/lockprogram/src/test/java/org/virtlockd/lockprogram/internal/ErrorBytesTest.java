package org.virtlockd.lockprogram.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.virtlockd.protocol.Frames;
import org.virtlockd.protocol.Header;
import org.virtlockd.protocol.Hex;
import org.virtlockd.protocol.LockProcedure;
import org.virtlockd.protocol.RegisterArgs;
import org.virtlockd.protocol.ResourceArgs;
import org.virtlockd.protocol.XdrReader;
import org.virtlockd.transport.RpcResult;

/**
 * Whole reply frames, byte for byte. The first fixture is the live capture of the spec's Appendix A; the
 * others are spelled out from the field rules of spec 1.6 for the same daemon.
 */
class ErrorBytesTest {

    /** Appendix A: ACQUIRE_RESOURCE, serial 0, on an unregistered connection (244 bytes). */
    private static final String ACQUIRE_NOT_REGISTERED = """
            000000f4 0ea7beef 00000001 00000006 00000001 00000000 00000001
            00000037 00000007
            00000001 0000004d "Requested operation is not valid: lock owner details have not been registered" 000000
            00000002
            00000000
            00000001 00000024 "Requested operation is not valid: %s"
            00000001 0000002b "lock owner details have not been registered" 00
            00000000
            ffffffff ffffffff
            00000000
            """;

    /** ACQUIRE_RESOURCE, serial 3, flags 0x7: only the rejected bit 0x4 is named; str1 = the C function. */
    private static final String ACQUIRE_UNSUPPORTED_FLAGS = """
            000000d8 0ea7beef 00000001 00000006 00000001 00000003 00000001
            00000008 00000007
            00000001 0000004f "unsupported flags (0x4) in function virLockSpaceProtocolDispatchAcquireResource" 00
            00000002
            00000000
            00000001 0000002b "virLockSpaceProtocolDispatchAcquireResource" 00
            00000001 00000005 "flags" 000000
            00000000
            00000000 00000000
            00000000
            """;

    /** REGISTER, serial 1, on a restricted connection. */
    private static final String REGISTER_RESTRICTED = """
            000000d8 0ea7beef 00000001 00000001 00000001 00000001 00000001
            0000001d 00000007
            00000001 00000040 "operation forbidden: lock manager connection has been restricted"
            00000002
            00000000
            00000001 00000017 "operation forbidden: %s" 00
            00000001 0000002b "lock manager connection has been restricted" 00
            00000000
            ffffffff ffffffff
            00000000
            """;

    private final Harness harness = new Harness();

    private static void assertFrame(String fixture, Header call, RpcResult result) {
        byte[] expected = Hex.parse(fixture);
        byte[] actual = Frames.errorReply(call, result.error());
        assertEquals(Hex.format(expected), Hex.format(actual));
        assertEquals(expected.length, (expected[2] & 0xff) << 8 | (expected[3] & 0xff), "fixture length word");
    }

    @Test
    void notRegisteredIsAppendixAByteForByte() throws Exception {
        Header call = Harness.header(LockProcedure.ACQUIRE_RESOURCE.number(), 0);
        ResourceArgs args = new ResourceArgs("", "/var/lib/images/vm.img", 0);
        RpcResult result = harness.program.call(new FakeSession(1, 100), call,
                new XdrReader(Harness.encode(args::encode)));
        assertFrame(ACQUIRE_NOT_REGISTERED, call, result);
        assertEquals(244, Hex.parse(ACQUIRE_NOT_REGISTERED).length);
    }

    @Test
    void unsupportedFlagsNameOnlyTheRejectedBits() throws Exception {
        FakeSession session = new FakeSession(1, 100);
        harness.register(session, 42, 4242);
        Header call = Harness.header(LockProcedure.ACQUIRE_RESOURCE.number(), 3);
        ResourceArgs args = new ResourceArgs("", "/var/lib/images/vm.img", 0x7);
        RpcResult result = harness.program.call(session, call,
                new XdrReader(Harness.encode(args::encode)));
        assertFrame(ACQUIRE_UNSUPPORTED_FLAGS, call, result);
    }

    @Test
    void restrictedRefusesEvenRegister() throws Exception {
        FakeSession session = new FakeSession(1, 100);
        harness.register(session, 42, 4242);
        harness.restrict(session);
        Header call = Harness.header(LockProcedure.REGISTER.number(), 1);
        RegisterArgs args = new RegisterArgs(Harness.owner(42, 4242), 0);
        RpcResult result = harness.program.call(session, call,
                new XdrReader(Harness.encode(args::encode)));
        assertFrame(REGISTER_RESTRICTED, call, result);
    }
}
