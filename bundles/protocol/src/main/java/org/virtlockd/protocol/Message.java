package org.virtlockd.protocol;

import java.nio.ByteBuffer;

/**
 * One received message, split by a stateless decoder: {@link Header}, announced descriptor count, payload.
 * The payload is not decoded here; that is the program's business and its failure is an
 * {@link XdrException} answered with an error reply.
 *
 * <table>
 *   <caption>Message layout (a frame as {@link FrameDecoder} returns it)</caption>
 *   <tr><th>Offset</th><th>XDR type</th><th>Field</th></tr>
 *   <tr><td>0</td><td>24 bytes</td><td>{@link Header}</td></tr>
 *   <tr><td>24</td><td>unsigned int</td><td>descriptor count, only where {@link #decodeFromClient} or
 *       {@link #decodeFromServer} expects one; at most {@link Limits#NUM_FDS_MAX}</td></tr>
 *   <tr><td>24 or 28</td><td>rest</td><td>payload</td></tr>
 * </table>
 *
 * @param header the header
 * @param fdCount descriptors the peer announced (0 unless the type carries a count)
 * @param payload the bytes after header and count, read-only
 */
public record Message(Header header, int fdCount, ByteBuffer payload) {

    /**
     * Splits a frame that a server received, as {@code virNetServerClientDispatchRead} does: only a
     * CALL_WITH_FDS carries a descriptor count.
     *
     * @throws FrameException if the header or the count is missing, or the count exceeds
     *     {@link Limits#NUM_FDS_MAX}; libvirt closes the connection
     */
    public static Message decodeFromClient(byte[] frame) throws FrameException {
        return decode(frame, MessageType.CALL_WITH_FDS);
    }

    /**
     * Splits a frame that a client received, as {@code virNetClient} does: only a REPLY_WITH_FDS carries
     * a descriptor count.
     *
     * @throws FrameException as {@link #decodeFromClient}
     */
    public static Message decodeFromServer(byte[] frame) throws FrameException {
        return decode(frame, MessageType.REPLY_WITH_FDS);
    }

    /** @return a reader over the payload, from its start */
    public XdrReader payloadReader() {
        return new XdrReader(payload);
    }

    private static Message decode(byte[] frame, MessageType typeWithCount) throws FrameException {
        XdrReader reader = new XdrReader(frame);
        try {
            Header header = Header.decode(reader);
            int fds = 0;
            if (header.type() == typeWithCount.code()) {
                long count = reader.readUnsignedInt();
                if (count > Limits.NUM_FDS_MAX) {
                    throw new FrameException("message announces " + count + " descriptors, at most "
                            + Limits.NUM_FDS_MAX + " are allowed");
                }
                fds = (int) count;
            }
            ByteBuffer payload = ByteBuffer.wrap(frame, reader.position(), reader.remaining()).slice();
            return new Message(header, fds, payload.asReadOnlyBuffer());
        } catch (XdrException e) {
            throw new FrameException("undecodable message header: " + e.getMessage());
        }
    }
}
