package org.virtlockd.protocol;

import java.util.Objects;

/**
 * A server of the daemon, {@code admin_nonnull_server}.
 *
 * <table>
 *   <caption>Server layout</caption>
 *   <tr><th>XDR type</th><th>Field</th></tr>
 *   <tr><td>string&lt;{@link Limits#ADMIN_STRING_MAX}&gt;</td><td>name</td></tr>
 * </table>
 *
 * @param name the server name ("virtlockd" or "admin")
 */
public record AdminServer(String name) {

    /** Checks that the name is present. */
    public AdminServer {
        Objects.requireNonNull(name, "name");
    }

    /** Reads the record. */
    public static AdminServer decode(XdrReader reader) throws XdrException {
        return new AdminServer(reader.readString(Limits.ADMIN_STRING_MAX));
    }

    /** Writes the record. */
    public void encode(XdrWriter writer) {
        writer.writeString(name, Limits.ADMIN_STRING_MAX);
    }
}
