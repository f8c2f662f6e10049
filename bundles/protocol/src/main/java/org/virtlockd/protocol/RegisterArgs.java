package org.virtlockd.protocol;

import java.util.Objects;

/**
 * Arguments of {@link LockProcedure#REGISTER}, {@code virLockSpaceProtocolRegisterArgs}.
 *
 * <table>
 *   <caption>REGISTER arguments</caption>
 *   <tr><th>XDR type</th><th>Field</th></tr>
 *   <tr><td>{@link Owner}</td><td>owner</td></tr>
 *   <tr><td>unsigned int</td><td>flags (none allowed)</td></tr>
 * </table>
 *
 * @param owner the owner to record for this connection
 * @param flags raw flag bits
 */
public record RegisterArgs(Owner owner, int flags) {

    /** Checks that the owner is present. */
    public RegisterArgs {
        Objects.requireNonNull(owner, "owner");
    }

    /** Reads the record. */
    public static RegisterArgs decode(XdrReader reader) throws XdrException {
        return new RegisterArgs(Owner.decode(reader), reader.readInt());
    }

    /** Writes the record. */
    public void encode(XdrWriter writer) {
        owner.encode(writer);
        writer.writeInt(flags);
    }
}
