package org.virtlockd.protocol;

import java.util.Objects;

/**
 * A client connection of a server, {@code admin_nonnull_client}.
 *
 * <table>
 *   <caption>Client layout</caption>
 *   <tr><th>XDR type</th><th>Field</th></tr>
 *   <tr><td>{@link AdminServer}</td><td>srv</td></tr>
 *   <tr><td>unsigned hyper</td><td>id</td></tr>
 *   <tr><td>hyper</td><td>timestamp (connect time, seconds since the epoch)</td></tr>
 *   <tr><td>unsigned int</td><td>transport ({@link AdminProtocol#TRANSPORT_UNIX} ...)</td></tr>
 * </table>
 *
 * @param server the server the client belongs to
 * @param id the client id, raw 64 bits of an unsigned hyper
 * @param timestamp connect time in seconds since the epoch; 0 for clients restored from old state
 * @param transport the transport, raw bits of an unsigned int
 */
public record AdminClient(AdminServer server, long id, long timestamp, int transport) {

    /** Checks that the server is present. */
    public AdminClient {
        Objects.requireNonNull(server, "server");
    }

    /** Reads the record. */
    public static AdminClient decode(XdrReader reader) throws XdrException {
        return new AdminClient(AdminServer.decode(reader), reader.readUnsignedHyper(), reader.readHyper(),
                reader.readInt());
    }

    /** Writes the record. */
    public void encode(XdrWriter writer) {
        server.encode(writer);
        writer.writeUnsignedHyper(id).writeHyper(timestamp).writeInt(transport);
    }
}
