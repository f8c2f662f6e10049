package org.virtlockd.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class XdrTest {

    @Test
    void primitivesAreBigEndian() {
        XdrWriter w = new XdrWriter().writeInt(-2).writeUnsignedInt(0xFFFF_FFFFL).writeHyper(0x0102030405060708L)
                .writeBool(true).writeBool(false).writeDouble(1.5);
        assertEquals("ff ff ff fe ff ff ff ff 01 02 03 04 05 06 07 08 00 00 00 01 00 00 00 00 "
                + "3f f8 00 00 00 00 00 00", Hex.format(w.toByteArray()));
    }

    @Test
    void primitivesRoundTrip() throws Exception {
        XdrWriter w = new XdrWriter().writeInt(Integer.MIN_VALUE).writeUnsignedInt(4_000_000_000L)
                .writeHyper(Long.MIN_VALUE).writeUnsignedHyper(-1L).writeBool(true).writeDouble(-0.25);
        XdrReader r = new XdrReader(w.toByteBuffer());
        assertEquals(Integer.MIN_VALUE, r.readInt());
        assertEquals(4_000_000_000L, r.readUnsignedInt());
        assertEquals(Long.MIN_VALUE, r.readHyper());
        assertEquals("18446744073709551615", Long.toUnsignedString(r.readUnsignedHyper()));
        assertTrue(r.readBool());
        assertEquals(-0.25, r.readDouble());
        assertEquals(0, r.remaining());
    }

    @Test
    void unsignedIntOutOfRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new XdrWriter().writeUnsignedInt(-1));
        assertThrows(IllegalArgumentException.class, () -> new XdrWriter().writeUnsignedInt(1L << 32));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 7, 8})
    void opaqueIsPaddedWithZeros(int length) throws Exception {
        byte[] value = new byte[length];
        java.util.Arrays.fill(value, (byte) 0xAB);
        byte[] wire = new XdrWriter().writeOpaque(value, 8).toByteArray();
        assertEquals(4 + (length + 3) / 4 * 4, wire.length);
        for (int i = 4 + length; i < wire.length; i++) {
            assertEquals(0, wire[i], "pad byte " + i);
        }
        XdrReader r = new XdrReader(wire);
        assertArrayEquals(value, r.readOpaque(8));
        assertEquals(0, r.remaining());
    }

    @Test
    void paddingContentIsIgnoredOnDecode() throws Exception {
        XdrReader r = new XdrReader(Hex.parse("00000001 41 ffffff 00000009"));
        assertEquals("A", r.readString(10));
        assertEquals(9, r.readInt());
    }

    @Test
    void stringLongerThanItsMaximumIsRejectedFromTheLengthWord() {
        ByteBuffer justTheLength = ByteBuffer.allocate(4).putInt(Limits.LOCK_STRING_MAX + 1).flip();
        XdrException e = assertThrows(XdrException.class,
                () -> new XdrReader(justTheLength).readString(Limits.LOCK_STRING_MAX));
        assertEquals("declared length 65537 exceeds the maximum 65536", e.getMessage());
    }

    @Test
    void stringAtItsMaximumIsAccepted() throws Exception {
        String longest = "a".repeat(Limits.LOCK_STRING_MAX);
        byte[] wire = new XdrWriter().writeString(longest, Limits.LOCK_STRING_MAX).toByteArray();
        assertEquals(longest, new XdrReader(wire).readString(Limits.LOCK_STRING_MAX));
        assertThrows(IllegalArgumentException.class,
                () -> new XdrWriter().writeString(longest + "a", Limits.LOCK_STRING_MAX));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0x8000_0000, 0x7FFF_FFFF})
    void hugeOrNegativeLengthsFailWithoutAllocating(int declared) {
        byte[] wire = ByteBuffer.allocate(12).putInt(declared).flip().array();
        XdrException e = assertThrows(XdrException.class, () -> new XdrReader(wire).readOpaque(Integer.MAX_VALUE));
        assertTrue(e.getMessage().startsWith(declared == 0x7FFF_FFFF ? "truncated" : "declared length"), e.getMessage());
    }

    @Test
    void truncatedInputFails() {
        assertThrows(XdrException.class, () -> new XdrReader(new byte[3]).readInt());
        assertThrows(XdrException.class, () -> new XdrReader(new byte[7]).readHyper());
        assertThrows(XdrException.class, () -> new XdrReader(Hex.parse("00000005 41424344 45")).readString(10));
        assertThrows(XdrException.class, () -> new XdrReader(Hex.parse("00000001")).readOptionalString(10));
        assertThrows(XdrException.class, () -> new XdrReader(new byte[15]).readOpaqueFixed(16));
    }

    @Test
    void arrayCountIsCheckedAgainstMaximumAndRemainingBytes() {
        XdrException overMax = assertThrows(XdrException.class,
                () -> new XdrReader(Hex.parse("00000003 00000001 00000002 00000003")).readArray(2, XdrReader::readInt));
        assertEquals("declared count 3 exceeds the maximum 2", overMax.getMessage());
        XdrException overBytes = assertThrows(XdrException.class,
                () -> new XdrReader(Hex.parse("00004000 00000001")).readArray(Limits.ADMIN_CLIENT_LIST_MAX,
                        XdrReader::readInt));
        assertTrue(overBytes.getMessage().contains("cannot fit"), overBytes.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new XdrWriter().writeArray(List.of(1, 2, 3), 2, XdrWriter::writeInt));
    }

    @Test
    void optionalStrings() throws Exception {
        byte[] wire = new XdrWriter().writeOptionalString(null, 10).writeOptionalString("x", 10).toByteArray();
        assertEquals("00 00 00 00 00 00 00 01 00 00 00 01 78 00 00 00", Hex.format(wire));
        XdrReader r = new XdrReader(wire);
        assertNull(r.readOptionalString(10));
        assertEquals("x", r.readOptionalString(10));
    }

    /** libtirpc's xdr_bool (and so xdr_pointer) takes any non-zero value as true; so do we. */
    @Test
    void nonZeroBoolAndOptionalFlagMeanTrue() throws Exception {
        XdrReader r = new XdrReader(Hex.parse("00000002 ffffffff 00000001 79 000000 00000000"));
        assertTrue(r.readBool());
        assertEquals("y", r.readOptionalString(10));
        assertFalse(r.readBool());
    }

    @Test
    void stringEndsAtFirstNulAsInC() throws Exception {
        assertEquals("/zz", new XdrReader(Hex.parse("00000006 2f7a7a00 7979 0000")).readString(10));
    }

    @Test
    void nonUtf8StringBytesSurviveReadAndWrite() throws Exception {
        byte[] wire = Hex.parse("00000004 2f6cffc3");
        String path = new XdrReader(wire).readString(10);
        assertEquals("/l\uDCFF\uDCC3", path);
        assertArrayEquals(wire, new XdrWriter().writeString(path, 10).toByteArray());
    }

    @Test
    void nonUtf8StringEndsAtNulToo() throws Exception {
        assertEquals("\uDCFF", new XdrReader(Hex.parse("00000003 ff00c3 00")).readString(10));
    }

    @Test
    void fixedOpaqueLengthIsEnforcedOnWrite() {
        assertThrows(IllegalArgumentException.class, () -> new XdrWriter().writeOpaqueFixed(new byte[15], 16));
    }

    @Test
    void writerGrowsAndKeepsEverything() throws Exception {
        XdrWriter w = new XdrWriter();
        for (int i = 0; i < 10_000; i++) {
            w.writeInt(i);
        }
        XdrReader r = new XdrReader(w.toByteArray());
        for (int i = 0; i < 10_000; i++) {
            assertEquals(i, r.readInt());
        }
    }

    @Test
    void readerDoesNotMoveTheSourcePosition() throws Exception {
        ByteBuffer source = ByteBuffer.wrap(Hex.parse("00000001 00000002"));
        source.position(4);
        assertEquals(2, new XdrReader(source).readInt());
        assertEquals(4, source.position());
    }
}
