package org.virtlockd.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.virtlockd.protocol.AdminCallArgs.client;
import static org.virtlockd.protocol.AdminCallArgs.flags;
import static org.virtlockd.protocol.AdminCallArgs.name;
import static org.virtlockd.protocol.AdminCallArgs.none;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtlockd.protocol.Limits;

/**
 * Reply payloads byte for byte as libvirt 9.0.0's virtlockd sent them to a hand-written client (unprivileged,
 * test user nobody/nogroup, a client of pid 8006 connected at 0x6b018f59).
 */
class LiveBytesTest {

    @TempDir
    Path dir;

    private Calls calls;

    @BeforeEach
    void setUp() throws Exception {
        Path passwd = Files.writeString(dir.resolve("passwd"), "root:x:0:0::/root:/bin/sh\nnobody:x:65534:65534::/:/usr/sbin/nologin\n");
        Path group = Files.writeString(dir.resolve("group"), "root:x:0:\nnogroup:x:65534:\n");
        calls = new Calls(new AccountNames(passwd, group));
        calls.daemon.admin.connect(1, 0x1f46, 0x6b018f59L);
    }

    @Test
    void listServers() throws Exception {
        assertEquals("0000000200000009766972746c6f636b640000000000000561646d696e00000000000002",
                calls.call(4, w -> w.writeUnsignedInt(1).writeUnsignedInt(0)));
        assertEquals("0000000000000002", calls.call(4, w -> w.writeUnsignedInt(0).writeUnsignedInt(0)));
    }

    @Test
    void lookupServer() throws Exception {
        assertEquals("0000000561646d696e000000", calls.call(5, name("admin", 7)));
        assertEquals("0000005f000000070000000100000029536572766572206e6f7420666f756e643a204e6f20736572766572206e616d65642027626f6775732700000000000002000000000000000100000014536572766572206e6f7420666f756e643a20257300000001000000174e6f20736572766572206e616d65642027626f677573270000000000ffffffffffffffff00000000",
                calls.call(5, name("bogus", 7)));
    }

    @Test
    void threadPoolParameters() throws Exception {
        assertEquals("000000060000000a6d696e576f726b657273000000000002000000000000000a6d6178576f726b65727300000000000200000000000000086e576f726b65727300000002000000000000000b66726565576f726b6572730000000002000000000000000b7072696f576f726b6572730000000002000000000000000d6a6f62517565756544657074680000000000000200000000",
                calls.call(6, name("admin", 0)));
    }

    @Test
    void clientLimits() throws Exception {
        assertEquals("000000040000000c6e636c69656e74735f6d61780000000200000400000000086e636c69656e74730000000200000000000000136e636c69656e74735f756e617574685f6d61780000000002000004000000000f6e636c69656e74735f756e61757468000000000200000000",
                calls.call(12, name("virtlockd", 0)));
    }

    @Test
    void clients() throws Exception {
        assertEquals("000000010000000561646d696e0000000000000000000001000000006b018f590000000000000001",
                calls.call(8, w -> w.writeString("admin", Limits.ADMIN_STRING_MAX).writeUnsignedInt(1).writeUnsignedInt(0)));
        assertEquals("0000000561646d696e0000000000000000000001000000006b018f5900000000",
                calls.call(9, w -> w.writeString("admin", Limits.ADMIN_STRING_MAX).writeUnsignedHyper(1).writeUnsignedInt(0)));
        assertEquals("000000080000003e000000010000003b756e737570706f7274656420666c61677320283078312920696e2066756e6374696f6e2061646d696e5365727665724c6f6f6b7570436c69656e74000000000200000000000000010000001761646d696e5365727665724c6f6f6b7570436c69656e74000000000100000005666c61677300000000000000000000000000000000000000",
                calls.call(9, w -> w.writeString("admin", Limits.ADMIN_STRING_MAX).writeUnsignedHyper(99).writeUnsignedInt(1)));
    }

    @Test
    void clientInfo() throws Exception {
        assertEquals("0000000600000008726561646f6e6c7900000006000000000000000c756e69785f757365725f6964000000010000fffe0000000e756e69785f757365725f6e616d65000000000007000000066e6f626f647900000000000d756e69785f67726f75705f6964000000000000010000fffe0000000f756e69785f67726f75705f6e616d650000000007000000076e6f67726f7570000000000f756e69785f70726f636573735f6964000000000100001f46",
                calls.call(10, client("admin", 1, 0)));
    }

    @Test
    void clientWithoutACallHasNoIdentity() throws Exception {
        calls.daemon.admin.connect(2, 0x1f47, 0x6b018f59L).identified = false;
        assertEquals("0000000100000007000000010000003c696e7465726e616c206572726f723a204e6f206964656e7469747920696e666f726d6174696f6e20617661696c61626c6520666f7220636c69656e7400000002000000000000000100000012696e7465726e616c206572726f723a2025730000000000010000002c4e6f206964656e7469747920696e666f726d6174696f6e20617661696c61626c6520666f7220636c69656e7400000000ffffffffffffffff00000000",
                calls.call(10, client("admin", 2, 0)));
    }

    @Test
    void libraryVersionAndLogging() throws Exception {
        assertEquals("0000000000895440", calls.call(3, none()));
        assertEquals("00000008333a73746465727200000001", calls.call(14, flags(0)));
        assertEquals("0000000000000000", calls.call(15, flags(0)));
    }

    @Test
    void updateTlsFiles() throws Exception {
        assertEquals("00000001000000070000000100000040696e7465726e616c206572726f723a206e6f20746c73207365727669636520666f756e642c20756e61626c6520746f2075706461746520746c732066696c657300000002000000000000000100000012696e7465726e616c206572726f723a202573000000000001000000306e6f20746c73207365727669636520666f756e642c20756e61626c6520746f2075706461746520746c732066696c657300000000ffffffffffffffff00000000",
                calls.call(18, name("admin", 0)));
    }
}
