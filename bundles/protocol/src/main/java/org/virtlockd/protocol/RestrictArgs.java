package org.virtlockd.protocol;

/**
 * Arguments of {@link LockProcedure#RESTRICT}, {@code virLockSpaceProtocolRestrictArgs}.
 *
 * <table>
 *   <caption>RESTRICT arguments</caption>
 *   <tr><th>XDR type</th><th>Field</th></tr>
 *   <tr><td>unsigned int</td><td>flags (none allowed)</td></tr>
 * </table>
 *
 * @param flags raw flag bits
 */
public record RestrictArgs(int flags) {

    /** Reads the record. */
    public static RestrictArgs decode(XdrReader reader) throws XdrException {
        return new RestrictArgs(reader.readInt());
    }

    /** Writes the record. */
    public void encode(XdrWriter writer) {
        writer.writeInt(flags);
    }
}
