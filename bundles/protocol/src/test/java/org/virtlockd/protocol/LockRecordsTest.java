package org.virtlockd.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LockRecordsTest {
    private static final Owner OWNER = new Owner(UUID.fromString("c7a5fdbd-edaf-9455-926a-d65c16db1809"),
            "vm1", 0xFFFF_FFFFL, 4_000_000_000L);

    private static byte[] encode(java.util.function.Consumer<XdrWriter> record) {
        XdrWriter writer = new XdrWriter();
        record.accept(writer);
        return writer.toByteArray();
    }

    @Test
    void recordsRoundTrip() throws Exception {
        RegisterArgs register = new RegisterArgs(OWNER, 0x8000_0000);
        assertEquals(register, RegisterArgs.decode(new XdrReader(encode(register::encode))));
        RestrictArgs restrict = new RestrictArgs(3);
        assertEquals(restrict, RestrictArgs.decode(new XdrReader(encode(restrict::encode))));
        NewArgs created = new NewArgs("", 0);
        assertEquals(created, NewArgs.decode(new XdrReader(encode(created::encode))));
        ResourceArgs resource = new ResourceArgs("/a/b/", "../x", 1);
        assertEquals(resource, ResourceArgs.decode(new XdrReader(encode(resource::encode))));
        CreateLockspaceArgs lockspace = new CreateLockspaceArgs("/srv/lockd/files");
        assertEquals(lockspace, CreateLockspaceArgs.decode(new XdrReader(encode(lockspace::encode))));
    }

    @Test
    void ownerNumbersAreUnsigned() throws Exception {
        byte[] wire = encode(OWNER::encode);
        assertEquals("ff ff ff ff ee 6b 28 00", Hex.format(java.util.Arrays.copyOfRange(wire, wire.length - 8, wire.length)));
        assertEquals(OWNER, Owner.decode(new XdrReader(wire)));
        assertThrows(IllegalArgumentException.class, () -> new Owner(OWNER.uuid(), "x", -1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Owner(OWNER.uuid(), "x", 0, 1L << 32));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void resourceNameLongerThanTheLimitIsADecodeError(int field) {
        XdrWriter writer = new XdrWriter();
        if (field == 1) {
            writer.writeString("/ls", Limits.LOCK_STRING_MAX);
        }
        writer.writeInt(Limits.LOCK_STRING_MAX + 1);
        XdrException e = assertThrows(XdrException.class, () -> ResourceArgs.decode(new XdrReader(writer.toByteArray())));
        assertEquals("declared length 65537 exceeds the maximum 65536", e.getMessage());
    }

    @Test
    void encodingAStringOverTheLimitIsAProgrammingError() {
        ResourceArgs args = new ResourceArgs("x".repeat(Limits.LOCK_STRING_MAX + 1), "n", 0);
        assertThrows(IllegalArgumentException.class, () -> args.encode(new XdrWriter()));
    }

    @Test
    void truncatedArgumentsFail() {
        byte[] wire = encode(new RegisterArgs(OWNER, 0)::encode);
        for (int length = 0; length < wire.length; length++) {
            byte[] cut = java.util.Arrays.copyOf(wire, length);
            assertThrows(XdrException.class, () -> RegisterArgs.decode(new XdrReader(cut)), "length " + length);
        }
    }

    @Test
    void trailingBytesAreIgnored() throws Exception {
        XdrWriter writer = new XdrWriter();
        new RestrictArgs(0).encode(writer);
        writer.writeInt(99);
        assertEquals(new RestrictArgs(0), RestrictArgs.decode(new XdrReader(writer.toByteArray())));
    }

    @Test
    void procedureTable() {
        assertEquals(0x0EA7BEEF, LockProtocol.PROGRAM);
        for (LockProcedure procedure : LockProcedure.values()) {
            assertEquals(Optional.of(procedure), LockProcedure.of(procedure.number()));
        }
        assertEquals(8, LockProcedure.CREATE_LOCKSPACE.number());
        assertEquals(Optional.empty(), LockProcedure.of(0));
        assertEquals(Optional.empty(), LockProcedure.of(9));
        assertEquals(3, LockProcedure.ACQUIRE_RESOURCE.allowedFlags());
        assertEquals(0, LockProcedure.RELEASE_RESOURCE.allowedFlags());
    }
}
