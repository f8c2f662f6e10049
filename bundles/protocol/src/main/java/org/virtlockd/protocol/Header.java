package org.virtlockd.protocol;

import java.util.Optional;

/**
 * The message header, {@code virNetMessageHeader} (virnetprotocol.x). All six fields are kept as the raw
 * ints of the wire: {@code prog}, {@code vers} and {@code serial} are {@code unsigned int} echoed
 * verbatim, {@code type} and {@code status} may hold values without a {@link MessageType} or
 * {@link MessageStatus}.
 *
 * <table>
 *   <caption>Header layout (24 bytes, after the length word)</caption>
 *   <tr><th>Offset</th><th>XDR type</th><th>Field</th></tr>
 *   <tr><td>0</td><td>unsigned int</td><td>prog</td></tr>
 *   <tr><td>4</td><td>unsigned int</td><td>vers</td></tr>
 *   <tr><td>8</td><td>int</td><td>proc</td></tr>
 *   <tr><td>12</td><td>int (enum)</td><td>type</td></tr>
 *   <tr><td>16</td><td>unsigned int</td><td>serial</td></tr>
 *   <tr><td>20</td><td>int (enum)</td><td>status</td></tr>
 * </table>
 *
 * @param prog program number
 * @param vers program version
 * @param proc procedure number
 * @param type message type, see {@link MessageType}
 * @param serial serial number, echoed from call to reply
 * @param status message status, see {@link MessageStatus}
 */
public record Header(int prog, int vers, int proc, int type, int serial, int status) {

    /** A CALL with status OK, as a client sends it. */
    public static Header call(int prog, int vers, int proc, int serial) {
        return new Header(prog, vers, proc, MessageType.CALL.code(), serial, MessageStatus.OK.code());
    }

    /** Reads the six fields. */
    public static Header decode(XdrReader reader) throws XdrException {
        return new Header(reader.readInt(), reader.readInt(), reader.readInt(),
                reader.readInt(), reader.readInt(), reader.readInt());
    }

    /** Writes the six fields. */
    public void encode(XdrWriter writer) {
        writer.writeInt(prog).writeInt(vers).writeInt(proc).writeInt(type).writeInt(serial).writeInt(status);
    }

    /**
     * The header of the reply to this call: same prog, vers, proc and serial, type REPLY, the given status.
     * libvirt answers a CALL_WITH_FDS with a plain REPLY as well.
     */
    public Header replyTo(MessageStatus replyStatus) {
        return new Header(prog, vers, proc, MessageType.REPLY.code(), serial, replyStatus.code());
    }

    /** @return the known message type, or empty */
    public Optional<MessageType> messageType() {
        return MessageType.of(type);
    }

    /** @return the known message status, or empty */
    public Optional<MessageStatus> messageStatus() {
        return MessageStatus.of(status);
    }

    /** @return the program number as an unsigned value */
    public long programNumber() {
        return Integer.toUnsignedLong(prog);
    }

    @Override
    public String toString() {
        return String.format("Header[prog=0x%08x, vers=%d, proc=%d, type=%d, serial=%d, status=%d]",
                prog, Integer.toUnsignedLong(vers), proc, type, Integer.toUnsignedLong(serial), status);
    }
}
