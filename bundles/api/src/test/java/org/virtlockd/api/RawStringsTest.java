package org.virtlockd.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RawStringsTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "/srv/lockd/files", "Grüße/日本/😀", "lock owner details have not been registered"})
    void validUtf8DecodesAsUsual(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertEquals(text, RawStrings.fromBytes(bytes));
        assertArrayEquals(bytes, RawStrings.toBytes(text));
    }

    @Test
    void eachSingleByteRoundTripsAndInvalidOnesBecomeEscapes() {
        Set<String> seen = new HashSet<>();
        for (int b = 0; b < 256; b++) {
            byte[] bytes = {(byte) b};
            String decoded = RawStrings.fromBytes(bytes);
            assertEquals(1, decoded.length(), "byte " + b);
            assertEquals(b < 0x80 ? b : 0xDC00 + b, decoded.charAt(0), "byte " + b);
            assertArrayEquals(bytes, RawStrings.toBytes(decoded), "byte " + b);
            seen.add(decoded);
        }
        assertEquals(256, seen.size());
    }

    @Test
    void everyByteValueInsideAStringRoundTrips() {
        for (int b = 0; b < 256; b++) {
            byte[] bytes = {'/', 'l', (byte) b, (byte) 0xC3, 'x', (byte) b};
            assertArrayEquals(bytes, RawStrings.toBytes(RawStrings.fromBytes(bytes)), "byte " + b);
        }
    }

    @Test
    void lockspacePathWithInvalidBytesKeepsThem() {
        byte[] path = {'/', 'd', '/', 'l', (byte) 0xFF, (byte) 0xC3};
        String decoded = RawStrings.fromBytes(path);
        assertEquals("/d/l\uDCFF\uDCC3", decoded);
        assertArrayEquals(new byte[] {'/', 'd', '/', 'l', (byte) 0xFF, (byte) 0xC3, '/', 'r'},
                RawStrings.toBytes(decoded + "/r"));
    }

    @Test
    void differentInvalidNamesStayDifferent() {
        assertNotEquals(RawStrings.fromBytes(new byte[] {(byte) 0xE9}), RawStrings.fromBytes(new byte[] {(byte) 0xE8}));
    }

    @Test
    void encodedSurrogatesAndTruncatedSequencesAreEscapedBytewise() {
        byte[] bytes = {(byte) 0xED, (byte) 0xB2, (byte) 0x80, 'x', (byte) 0xF0, (byte) 0x9F, (byte) 0x98};
        assertEquals("\uDCED\uDCB2\uDC80x\uDCF0\uDC9F\uDC98", RawStrings.fromBytes(bytes));
        assertArrayEquals(bytes, RawStrings.toBytes(RawStrings.fromBytes(bytes)));
    }

    @Test
    void randomByteStringsRoundTrip() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = new byte[random.nextInt(16)];
            random.nextBytes(bytes);
            assertArrayEquals(bytes, RawStrings.toBytes(RawStrings.fromBytes(bytes)), HexFormat.of().formatHex(bytes));
        }
    }

    @Test
    void mixedValidAndInvalidTextRoundTrips() {
        byte[] bytes = "é😀".getBytes(StandardCharsets.UTF_8);
        byte[] mixed = {bytes[0], bytes[1], (byte) 0xFF, bytes[2], bytes[3], bytes[4], bytes[5], (byte) 0x80};
        assertEquals("é\uDCFF😀\uDC80", RawStrings.fromBytes(mixed));
        assertArrayEquals(mixed, RawStrings.toBytes(RawStrings.fromBytes(mixed)));
    }

    @Test
    void loneSurrogateNotFromDecodingBecomesQuestionMark() {
        assertArrayEquals(new byte[] {'a', '?', 'b'}, RawStrings.toBytes("a\uD800b"));
        assertArrayEquals(new byte[] {'?'}, RawStrings.toBytes("\uDC7F"));
    }
}
