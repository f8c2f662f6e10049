package org.virtlockd.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.virtlockd.protocol.AdminCallArgs.client;
import static org.virtlockd.protocol.AdminCallArgs.flags;
import static org.virtlockd.protocol.AdminCallArgs.name;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.virtlockd.protocol.Limits;
import org.virtlockd.protocol.XdrException;

/** Which check comes first and what it says, procedure by procedure, as libvirt 9.0.0 answered (live). */
class ProcedureErrorsTest {

    private final Calls calls = new Calls(new AccountNames());

    ProcedureErrorsTest() {
        calls.daemon.admin.connect(1, 100, 0);
    }

    @ParameterizedTest(name = "proc {0} server {1} flags {2}")
    @CsvSource(delimiter = '|', value = {
        "6|nope|0|95/7 Server not found: No server named 'nope'",
        "6|admin|1|8/62 unsupported flags (0x1) in function adminServerGetThreadPoolParameters",
        "12|nope|4|95/7 Server not found: No server named 'nope'",
        "12|virtlockd|4|8/62 unsupported flags (0x4) in function adminServerGetClientLimits",
        "18|nope|1|95/7 Server not found: No server named 'nope'",
        "18|admin|1|8/62 unsupported flags (0x1) in function adminServerUpdateTlsFiles",
        "18|admin|0|1/7 internal error: no tls service found, unable to update tls files"})
    void serverProcedures(int proc, String server, long flags, String error) throws XdrException {
        assertEquals(error, calls.error(proc, name(server, flags)));
    }

    @ParameterizedTest(name = "proc {0} server {1} client {2} flags {3}")
    @CsvSource(delimiter = '|', value = {
        "10|zzz|1|0|95/62 Server not found: no server with matching name 'zzz' found",
        "10|admin|99|1|96/62 Client not found: no client with matching id '99' found",
        "10|admin|1|1|8/62 unsupported flags (0x1) in function adminClientGetInfo",
        "11|nope|99|1|95/7 Server not found: No server named 'nope'",
        "11|admin|99|1|96/7 Client not found: No client with matching ID '99'",
        "11|admin|1|2|8/62 unsupported flags (0x2) in function adminClientClose",
        "10|admin|-1|0|96/62 Client not found: no client with matching id '18446744073709551615' found"})
    void clientProcedures(int proc, String server, long id, long flags, String error) throws XdrException {
        assertEquals(error, calls.error(proc, client(server, id, flags)));
    }

    @Test
    void listsAndLookups() throws XdrException {
        assertEquals("8/62 unsupported flags (0x8) in function adminConnectListServers",
                calls.error(4, w -> w.writeUnsignedInt(1).writeUnsignedInt(8)));
        assertEquals("95/7 Server not found: No server named 'nope'",
                calls.error(8, w -> w.writeString("nope", Limits.ADMIN_STRING_MAX).writeUnsignedInt(1).writeUnsignedInt(1)));
        assertEquals("8/62 unsupported flags (0x1) in function adminServerListClients",
                calls.error(8, w -> w.writeString("virtlockd", Limits.ADMIN_STRING_MAX).writeUnsignedInt(1).writeUnsignedInt(1)));
        assertEquals("96/7 Client not found: No client with matching ID '99'",
                calls.error(9, w -> w.writeString("admin", Limits.ADMIN_STRING_MAX).writeUnsignedHyper(99).writeUnsignedInt(0)));
    }

    @Test
    void connectionAndDaemonFlags() throws XdrException {
        assertEquals("8/62 unsupported flags (0x3) in function adminDispatchConnectOpen", calls.error(1, flags(3)));
        assertEquals("no error", calls.error(1, flags(0)));
        assertEquals("8/62 unsupported flags (0x1) in function adminConnectGetLoggingOutputs", calls.error(14, flags(1)));
        assertEquals("8/62 unsupported flags (0x80000000) in function adminConnectGetLoggingFilters",
                calls.error(15, flags(0x8000_0000L)));
        assertEquals("8/62 unsupported flags (0x1) in function adminConnectSetLoggingOutputs",
                calls.error(16, w -> w.writeOptionalString(null, 10).writeUnsignedInt(1)));
        assertEquals("8/62 unsupported flags (0x1) in function adminConnectSetLoggingFilters",
                calls.error(17, w -> w.writeOptionalString("1:x", 10).writeUnsignedInt(1)));
        assertEquals("8/62 unsupported flags (0x1) in function adminConnectSetDaemonTimeout",
                calls.error(19, w -> w.writeUnsignedInt(0).writeUnsignedInt(1)));
        assertEquals(0, calls.logging.calls.size() + calls.timeout.set.size(), "nothing changed after a flags error");
    }

    @Test
    void unknownProceduresAreTheRpcLayers() throws XdrException {
        assertEquals("39/7 unknown procedure: 20", calls.error(20, w -> { }));
        assertEquals("39/7 unknown procedure: 0", calls.error(0, w -> { }));
        assertEquals(false, calls.last.dispatched(), "no identity for the caller");
    }

    @Test
    void argumentsThatDoNotDecodeAreTheTransportsBusiness() {
        assertThrows(XdrException.class, () -> calls.call(6, w -> w.writeString("admin", Limits.ADMIN_STRING_MAX)));
        assertThrows(XdrException.class, () -> calls.call(7, w -> w.writeString("admin", Limits.ADMIN_STRING_MAX)
                .writeUnsignedInt(1).writeString("minWorkers", 100).writeInt(8)));
        assertThrows(XdrException.class, () -> calls.call(13, w -> w.writeString("admin", Limits.ADMIN_STRING_MAX)
                .writeUnsignedInt(33)));
    }
}
