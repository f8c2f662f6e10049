package org.virtlockd.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RpcErrorTest {

    private static RpcError roundTrip(RpcError error) throws XdrException {
        XdrWriter writer = new XdrWriter();
        error.encode(writer);
        XdrReader reader = new XdrReader(writer.toByteArray());
        RpcError decoded = RpcError.decode(reader);
        assertEquals(0, reader.remaining());
        return decoded;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1 | internal error: %s",
        "3 | this function is not supported by the connection driver: %s",
        "8 | invalid argument: %s",
        "29 | operation forbidden: %s",
        "38 | %s",
        "39 | %s",
        "55 | Requested operation is not valid: %s",
        "67 | unsupported configuration: %s",
        "74 | argument unsupported: %s",
        "87 | resource busy: %s",
        "95 | Server not found: %s",
        "96 | Client not found: %s"})
    void ordinaryErrorsUseTheCodesTemplate(int code, String template) throws Exception {
        RpcError error = RpcError.ordinary(code, 51, "Lockspace resource 'x' is locked");
        assertEquals(template, error.str1());
        assertEquals(template.replace("%s", "Lockspace resource 'x' is locked"), error.message());
        assertEquals("Lockspace resource 'x' is locked", error.str2());
        assertEquals(new RpcError(code, 51, error.message(), 2, template, error.str2(), null, -1, -1), error);
        assertEquals(error, roundTrip(error));
    }

    @Test
    void emptyDetailUsesTheBareText() {
        RpcError error = RpcError.ordinary(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE, "");
        assertEquals(new RpcError(1, 0, "internal error", 2, "internal error", "", null, -1, -1), error);
    }

    @Test
    void detailWithPercentSignsIsTakenLiterally() {
        assertEquals("resource busy: 100%s done", RpcError.ordinary(87, 51, "100%s done").message());
    }

    @Test
    void unknownCodeHasNoTemplate() {
        assertThrows(IllegalArgumentException.class, () -> RpcError.ordinary(12345, 0, "x"));
    }

    @Test
    void systemErrorAsLibvirtFillsIt() throws Exception {
        RpcError error = RpcError.system(ErrorDomain.LOCKSPACE, "Unable to create lockspace /proc/x", 2,
                "No such file or directory");
        assertEquals(new RpcError(38, 51, "Unable to create lockspace /proc/x: No such file or directory", 2, "%s",
                "Unable to create lockspace /proc/x: No such file or directory", null, 2, -1), error);
        assertEquals(error, roundTrip(error));
    }

    @Test
    void longDetailsAreNotTruncated() {
        String path = "/" + "a".repeat(1999);
        RpcError error = RpcError.ordinary(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                "Lockspace for path " + path + " does not exist");
        assertEquals(2034, error.str2().length());
        assertEquals(2050, error.message().length());
    }

    @Test
    void unsupportedFlagsNamesTheRejectedBitsInLowercaseHex() throws Exception {
        RpcError error = RpcError.unsupportedFlags(ErrorDomain.RPC, 0x8000_0000,
                LockProcedure.REGISTER.cFunction());
        assertEquals(new RpcError(8, 7,
                "unsupported flags (0x80000000) in function virLockSpaceProtocolDispatchRegister", 2,
                "virLockSpaceProtocolDispatchRegister", "flags", null, 0, 0), error);
        int rejected = 7 & ~LockProcedure.ACQUIRE_RESOURCE.allowedFlags();
        assertEquals("unsupported flags (0x4) in function virLockSpaceProtocolDispatchAcquireResource",
                RpcError.unsupportedFlags(ErrorDomain.RPC, rejected, LockProcedure.ACQUIRE_RESOURCE.cFunction()).message());
        assertEquals("unsupported flags (0xab) in function f",
                RpcError.unsupportedFlags(ErrorDomain.ADMIN, 0xAB, "f").message());
        assertEquals(error, roundTrip(error));
    }

    @Test
    void rpcErrorMessageIsTheDetail() {
        assertEquals(new RpcError(39, 7, "unknown procedure: 0", 2, "%s", "unknown procedure: 0", null, -1, -1),
                RpcError.rpc("unknown procedure: 0"));
    }

    @Test
    void absentStringsEncodeAsZeroFlags() {
        XdrWriter writer = new XdrWriter();
        new RpcError(1, 2, null, 2, null, null, null, 3, 4).encode(writer);
        assertEquals(Hex.format(Hex.parse("00000001 00000002 00000000 00000002 00000000 00000000 00000000 00000000"
                + "00000003 00000004 00000000")), Hex.format(writer.toByteArray()));
    }

    @Test
    void presentDomAndNetAreSkipped() throws Exception {
        byte[] wire = Hex.parse("00000001 00000006 00000001 00000002 \"hi\" 0000 00000002"
                + "00000001 00000003 \"dom\" 00 " + "00".repeat(16) + " 00000007"
                + "00000001 00000001 \"a\" 000000 00000000 00000000"
                + "00000005 00000006"
                + "00000001 00000004 \"net0\" " + "11".repeat(16) + " 0000002a");
        XdrReader reader = new XdrReader(wire);
        assertEquals(new RpcError(1, 6, "hi", 2, "a", null, null, 5, 6), RpcError.decode(reader));
        assertEquals(42, reader.readInt());
    }

    @Test
    void truncatedErrorFailsToDecode() {
        byte[] wire = Hex.parse("00000001 00000006 00000001 00000002 \"hi\" 0000 00000002 00000001 00000003");
        for (int length = 0; length < wire.length; length++) {
            byte[] cut = Arrays.copyOf(wire, length);
            assertThrows(XdrException.class, () -> RpcError.decode(new XdrReader(cut)));
        }
    }

    @Test
    void errorCodesAndDomainsHaveLibvirtNumbers() {
        assertEquals("[1, 3, 8, 29, 38, 39, 55, 67, 74, 87, 95, 96]",
                Arrays.toString(Arrays.stream(ErrorCode.values()).mapToInt(ErrorCode::number).toArray()));
        assertEquals("[0, 7, 9, 42, 51, 62]",
                Arrays.toString(Arrays.stream(ErrorDomain.values()).mapToInt(ErrorDomain::number).toArray()));
        assertEquals(ErrorCode.RESOURCE_BUSY, ErrorCode.of(87).orElseThrow());
        assertEquals(ErrorDomain.LOCKSPACE, ErrorDomain.of(51).orElseThrow());
    }
}
