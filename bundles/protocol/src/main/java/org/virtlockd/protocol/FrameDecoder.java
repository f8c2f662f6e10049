package org.virtlockd.protocol;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/**
 * Cuts a byte stream into frames with libvirt's length rule ({@code virNetMessageDecodeLength}): a
 * big-endian {@code unsigned int} length word that counts itself, then header and payload.
 *
 * <table>
 *   <caption>Frame layout</caption>
 *   <tr><th>Offset</th><th>Size</th><th>Field</th></tr>
 *   <tr><td>0</td><td>4</td><td>length: total bytes including these four</td></tr>
 *   <tr><td>4</td><td>24</td><td>{@link Header}</td></tr>
 *   <tr><td>28</td><td>length − 28</td><td>payload (after a descriptor count for *_WITH_FDS)</td></tr>
 * </table>
 *
 * <p>The length word alone decides whether the frame is corrupt: below {@link Limits#FRAME_MIN} (no room
 * for a header; libvirt fails to decode the header and closes) or more than the maximum plus four, and
 * {@link #decode} throws {@link FrameException}. From then on the decoder is dead and throws again.
 * Memory grows with the bytes that actually arrive, never with the declared length alone.
 *
 * <p>Not thread-safe: one decoder per connection, used by the thread that reads it.
 */
public final class FrameDecoder {
    private final int maxFrame;
    private final byte[] lengthWord = new byte[Limits.MESSAGE_LEN_MAX];
    private int lengthFill;
    private byte[] frame;
    private int frameLength;
    private int frameFill;
    private String deadReason;

    /**
     * @param maxFrame most bytes of header plus payload to accept, from {@link Limits#HEADER_SIZE} to
     *     {@link Limits#MESSAGE_MAX}; libvirt's own value is {@code MESSAGE_MAX}
     */
    public FrameDecoder(int maxFrame) {
        if (maxFrame < Limits.HEADER_SIZE || maxFrame > Limits.MESSAGE_MAX) {
            throw new IllegalArgumentException("maxFrame must be between " + Limits.HEADER_SIZE + " and "
                    + Limits.MESSAGE_MAX + ": " + maxFrame);
        }
        this.maxFrame = maxFrame;
    }

    /** @return a decoder with libvirt's limit, {@link Limits#MESSAGE_MAX} */
    public static FrameDecoder standard() {
        return new FrameDecoder(Limits.MESSAGE_MAX);
    }

    /**
     * Consumes bytes from {@code in} up to the end of at most one frame; bytes after that frame stay in
     * {@code in} for the next call.
     *
     * @param in received bytes, from position to limit; the position is advanced past what was used
     * @return the complete frame (header and payload, without the length word), or empty if more bytes
     *     are needed
     * @throws FrameException if the length word is out of range, now or on an earlier call
     */
    public Optional<byte[]> decode(ByteBuffer in) throws FrameException {
        if (deadReason != null) {
            throw new FrameException("connection already failed: " + deadReason);
        }
        if (frame == null) {
            while (lengthFill < lengthWord.length && in.hasRemaining()) {
                lengthWord[lengthFill++] = in.get();
            }
            if (lengthFill < lengthWord.length) {
                return Optional.empty();
            }
            startFrame(ByteBuffer.wrap(lengthWord).getInt());
        }
        int take = Math.min(in.remaining(), frameLength - frameFill);
        if (frameFill + take > frame.length) {
            frame = Arrays.copyOf(frame, (int) Math.min(frameLength, Math.max(2L * frame.length, frameFill + take)));
        }
        in.get(frame, frameFill, take);
        frameFill += take;
        if (frameFill < frameLength) {
            return Optional.empty();
        }
        byte[] done = frame;
        frame = null;
        lengthFill = 0;
        return Optional.of(done);
    }

    /** @return whether part of a frame has been received (a connection closing now loses it) */
    public boolean hasPartialFrame() {
        return lengthFill > 0;
    }

    /**
     * The bytes of the frame being received, exactly as they arrived (length word first): what a re-exec
     * hands to the next process image, whose decoder is fed them before anything else.
     *
     * @return the received part of the current frame; empty between frames
     * @since 1.1
     */
    public byte[] partialFrame() {
        if (lengthFill == 0) {
            return new byte[0];
        }
        byte[] out = new byte[lengthFill + (frame == null ? 0 : frameFill)];
        System.arraycopy(lengthWord, 0, out, 0, lengthFill);
        if (frame != null) {
            System.arraycopy(frame, 0, out, lengthFill, frameFill);
        }
        return out;
    }

    /** @return bytes currently reserved for the frame being received; for tests of the growth rule */
    int reservedBytes() {
        return frame == null ? 0 : frame.length;
    }

    private void startFrame(int word) throws FrameException {
        long length = Integer.toUnsignedLong(word);
        if (length < Limits.MESSAGE_LEN_MAX) {
            fail("length word " + length + " is smaller than the length word itself");
        }
        if (length - Limits.MESSAGE_LEN_MAX > maxFrame) {
            fail("length word " + length + " exceeds the maximum of " + maxFrame + " bytes after it");
        }
        if (length < Limits.FRAME_MIN) {
            fail("length word " + length + " leaves no room for the " + Limits.HEADER_SIZE + "-byte header");
        }
        frameLength = (int) length - Limits.MESSAGE_LEN_MAX;
        frameFill = 0;
        frame = new byte[Math.min(frameLength, Limits.MESSAGE_INITIAL)];
    }

    private void fail(String reason) throws FrameException {
        deadReason = reason;
        throw new FrameException(reason);
    }
}
