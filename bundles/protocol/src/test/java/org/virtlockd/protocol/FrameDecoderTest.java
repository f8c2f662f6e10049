package org.virtlockd.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrameDecoderTest {
    private static final byte[] ALL = concat(Fixtures.FRAMES);

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static List<String> expectedFrames() {
        List<String> frames = new ArrayList<>();
        for (byte[] wire : Fixtures.FRAMES) {
            frames.add(Hex.format(Arrays.copyOfRange(wire, 4, wire.length)));
        }
        return frames;
    }

    /** Feeds the chunks in order and collects every frame, draining each chunk completely. */
    private static List<String> feed(FrameDecoder decoder, List<byte[]> chunks) throws FrameException {
        List<String> frames = new ArrayList<>();
        for (byte[] chunk : chunks) {
            ByteBuffer in = ByteBuffer.wrap(chunk);
            do {
                decoder.decode(in).ifPresent(f -> frames.add(Hex.format(f)));
            } while (in.hasRemaining());
        }
        return frames;
    }

    @Test
    void splitAtEveryOffsetYieldsTheSameFrames() throws Exception {
        for (int cut = 0; cut <= ALL.length; cut++) {
            List<byte[]> chunks = List.of(Arrays.copyOfRange(ALL, 0, cut), Arrays.copyOfRange(ALL, cut, ALL.length));
            assertEquals(expectedFrames(), feed(FrameDecoder.standard(), chunks), "cut at " + cut);
        }
    }

    @Test
    void eachFixtureSplitAtEveryPairOfOffsets() throws Exception {
        for (byte[] wire : Fixtures.FRAMES) {
            String expected = Hex.format(Arrays.copyOfRange(wire, 4, wire.length));
            for (int a = 0; a <= wire.length; a++) {
                for (int b = a; b <= wire.length; b++) {
                    List<byte[]> chunks = List.of(Arrays.copyOfRange(wire, 0, a), Arrays.copyOfRange(wire, a, b),
                            Arrays.copyOfRange(wire, b, wire.length));
                    assertEquals(List.of(expected), feed(FrameDecoder.standard(), chunks), "cuts " + a + "," + b);
                }
            }
        }
    }

    @Test
    void byteByByte() throws Exception {
        List<byte[]> chunks = new ArrayList<>();
        for (byte b : ALL) {
            chunks.add(new byte[] {b});
        }
        FrameDecoder decoder = FrameDecoder.standard();
        assertEquals(expectedFrames(), feed(decoder, chunks));
        assertFalse(decoder.hasPartialFrame());
    }

    @Test
    void consumesOnlyUpToTheEndOfOneFrame() throws Exception {
        ByteBuffer in = ByteBuffer.wrap(ALL);
        Optional<byte[]> first = FrameDecoder.standard().decode(in);
        assertTrue(first.isPresent());
        assertEquals(Fixtures.REGISTER_REPLY.length, in.position());
    }

    @Test
    void partialFrameIsReported() throws Exception {
        FrameDecoder decoder = FrameDecoder.standard();
        assertTrue(decoder.decode(ByteBuffer.wrap(Fixtures.PING, 0, 2)).isEmpty());
        assertTrue(decoder.hasPartialFrame());
    }

    /** Each bad length word is rejected from its four bytes alone: nothing of the declared size is reserved. */
    @ParameterizedTest
    @ValueSource(longs = {0, 3, 4, 5, 27, Limits.MESSAGE_MAX + 5L, 0x7FFF_FFFFL, 0xFFFF_FFFFL})
    void corruptLengthWordClosesAndKillsTheDecoder(long word) throws Exception {
        FrameDecoder decoder = FrameDecoder.standard();
        ByteBuffer lengthOnly = ByteBuffer.allocate(4).putInt((int) word).flip();
        FrameException e = assertThrows(FrameException.class, () -> decoder.decode(lengthOnly));
        assertTrue(e.getMessage().contains("length word " + word), e.getMessage());
        assertEquals(0, decoder.reservedBytes());
        assertThrows(FrameException.class, () -> decoder.decode(ByteBuffer.wrap(Fixtures.PING)));
    }

    @Test
    void largestLegalFrameReservesOnlyWhatArrives() throws Exception {
        FrameDecoder decoder = FrameDecoder.standard();
        ByteBuffer start = ByteBuffer.allocate(4 + Limits.HEADER_SIZE).putInt(Limits.MESSAGE_MAX + 4).flip();
        assertTrue(decoder.decode(start).isEmpty());
        assertTrue(decoder.reservedBytes() <= Limits.MESSAGE_INITIAL, "reserved " + decoder.reservedBytes());
    }

    @Test
    void bufferGrowsToTheExactFrameSize() throws Exception {
        int payload = 3 * Limits.MESSAGE_INITIAL + 8;
        byte[] wire = Frames.encode(Header.call(1, 1, 1, 1), w -> w.writeOpaqueFixed(new byte[payload], payload));
        FrameDecoder decoder = FrameDecoder.standard();
        ByteBuffer in = ByteBuffer.wrap(wire);
        Optional<byte[]> frame = Optional.empty();
        while (frame.isEmpty()) {
            ByteBuffer chunk = in.slice().limit(Math.min(in.remaining(), 1000));
            frame = decoder.decode(chunk);
            in.position(in.position() + chunk.position());
        }
        assertEquals(wire.length - 4, frame.get().length);
        assertEquals(Hex.format(Arrays.copyOfRange(wire, 4, wire.length)), Hex.format(frame.get()));
    }

    @Test
    void smallerLimitIsApplied() throws Exception {
        FrameDecoder decoder = new FrameDecoder(100);
        assertTrue(decoder.decode(ByteBuffer.allocate(4).putInt(104).flip()).isEmpty());
        FrameDecoder other = new FrameDecoder(100);
        assertThrows(FrameException.class, () -> other.decode(ByteBuffer.allocate(4).putInt(105).flip()));
    }

    @Test
    void limitMustBeSane() {
        assertThrows(IllegalArgumentException.class, () -> new FrameDecoder(Limits.HEADER_SIZE - 1));
        assertThrows(IllegalArgumentException.class, () -> new FrameDecoder(Limits.MESSAGE_MAX + 1));
    }

    @Test
    void badArgumentsDoNotDisturbTheNextFrame() throws Exception {
        byte[] bad = Frames.encode(Header.call(LockProtocol.PROGRAM, 1, 8, 0), w -> w.writeInt(Limits.LOCK_STRING_MAX + 1));
        FrameDecoder decoder = FrameDecoder.standard();
        ByteBuffer in = ByteBuffer.wrap(concat(List.of(bad, Fixtures.CREATE_LOCKSPACE_CALL)));
        Message first = Message.decodeFromClient(decoder.decode(in).orElseThrow());
        assertThrows(XdrException.class, () -> CreateLockspaceArgs.decode(first.payloadReader()));
        Message second = Message.decodeFromClient(decoder.decode(in).orElseThrow());
        assertEquals("/srv/lockd/files", CreateLockspaceArgs.decode(second.payloadReader()).path());
    }
}
