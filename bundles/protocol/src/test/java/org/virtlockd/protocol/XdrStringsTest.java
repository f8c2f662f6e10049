package org.virtlockd.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class XdrStringsTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "/srv/lockd/files", "Grüße/日本/😀", "lock owner details have not been registered"})
    void validUtf8DecodesAsUsual(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertEquals(text, XdrStrings.fromBytes(bytes));
        assertArrayEquals(bytes, XdrStrings.toBytes(text));
    }

    @Test
    void invalidBytesSurviveARoundTrip() {
        byte[] latin1 = {'/', 'c', 'a', 'f', (byte) 0xE9};
        String decoded = XdrStrings.fromBytes(latin1);
        assertEquals("/caf\uDCE9", decoded);
        assertArrayEquals(latin1, XdrStrings.toBytes(decoded));
    }

    @Test
    void differentInvalidNamesStayDifferent() {
        String a = XdrStrings.fromBytes(new byte[] {(byte) 0xE9});
        String b = XdrStrings.fromBytes(new byte[] {(byte) 0xE8});
        assertNotEquals(a, b);
    }

    @Test
    void encodedSurrogatesAndTruncatedSequencesAreEscapedBytewise() {
        byte[] bytes = {(byte) 0xED, (byte) 0xB2, (byte) 0x80, 'x', (byte) 0xF0, (byte) 0x9F, (byte) 0x98};
        assertArrayEquals(bytes, XdrStrings.toBytes(XdrStrings.fromBytes(bytes)));
    }

    @Test
    void everyByteStringRoundTrips() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = new byte[random.nextInt(12)];
            random.nextBytes(bytes);
            assertArrayEquals(bytes, XdrStrings.toBytes(XdrStrings.fromBytes(bytes)), Hex.format(bytes));
        }
    }

    @Test
    void loneSurrogateNotFromDecodingBecomesQuestionMark() {
        assertArrayEquals(new byte[] {'a', '?'}, XdrStrings.toBytes("a\uD800"));
    }
}
