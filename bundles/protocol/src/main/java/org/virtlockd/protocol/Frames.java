package org.virtlockd.protocol;

import java.util.function.Consumer;

/**
 * Encodes whole frames: the length word (counting itself), the {@link Header}, the payload.
 * See {@link FrameDecoder} for the layout.
 */
public final class Frames {
    private Frames() {
    }

    /** @return a frame with an empty payload (28 bytes) */
    public static byte[] encode(Header header) {
        return encode(header, writer -> { });
    }

    /**
     * @param header the header
     * @param payload writes the payload
     * @return the frame, length word included
     * @throws IllegalStateException if header and payload exceed {@link Limits#MESSAGE_MAX}, which
     *     libvirt's peer would reject
     */
    public static byte[] encode(Header header, Consumer<XdrWriter> payload) {
        XdrWriter writer = new XdrWriter();
        writer.writeInt(0);
        header.encode(writer);
        payload.accept(writer);
        int length = writer.size();
        if (length - Limits.MESSAGE_LEN_MAX > Limits.MESSAGE_MAX) {
            throw new IllegalStateException("message of " + (length - Limits.MESSAGE_LEN_MAX)
                    + " bytes exceeds " + Limits.MESSAGE_MAX);
        }
        writer.patchInt(0, length);
        return writer.toByteArray();
    }

    /** @return the REPLY/ERROR frame answering {@code call} with {@code error} */
    public static byte[] errorReply(Header call, RpcError error) {
        return encode(call.replyTo(MessageStatus.ERROR), error::encode);
    }

    /** @return the REPLY/OK frame answering {@code call} with the payload {@code result} writes */
    public static byte[] okReply(Header call, Consumer<XdrWriter> result) {
        return encode(call.replyTo(MessageStatus.OK), result);
    }
}
