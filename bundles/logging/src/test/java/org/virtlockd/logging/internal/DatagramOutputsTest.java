package org.virtlockd.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/** The syslog and journald outputs, received by a datagram socket standing in for the daemon. */
class DatagramOutputsTest {

    /** 2026-11-21 09:05:07.123 UTC. */
    private static final long TIME = 1795251907123L;

    @TempDir
    Path dir;

    private static String receive(AFUNIXDatagramSocket socket) throws Exception {
        DatagramPacket p = new DatagramPacket(new byte[65536], 65536);
        socket.setSoTimeout(5000);
        socket.receive(p);
        return new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
    }

    private static AFUNIXDatagramSocket bound(Path path) throws Exception {
        AFUNIXDatagramSocket socket = AFUNIXDatagramSocket.newInstance();
        socket.bind(AFUNIXSocketAddress.of(path));
        return socket;
    }

    @Test
    void syslogGetsGlibcsFormatWithFacilityDaemon() throws Exception {
        Path path = dir.resolve("log.sock");
        try (AFUNIXDatagramSocket daemon = bound(path); SyslogSink sink = new SyslogSink(path, "virtlockd", ZoneOffset.UTC)) {
            sink.write(new LogLine(TIME, LogSettings.WARNING, "rpc", "hello"));
            sink.write(new LogLine(TIME + 86_400_000L * 20, LogSettings.DEBUG, "rpc", "later"));
            assertEquals("<28>Nov 21 09:05:07 virtlockd: " + LineFormat.PID + ": warning : rpc : hello\n", receive(daemon));
            assertEquals("<31>Dec 11 09:05:07 virtlockd: " + LineFormat.PID + ": debug : rpc : later\n", receive(daemon));
            sink.write(new LogLine(TIME - 86_400_000L * 20, LogSettings.ERROR, "rpc", "x"));
            assertTrue(receive(daemon).startsWith("<27>Nov  1 09:05:07 virtlockd: "));
        }
    }

    @Test
    void allSyslogOutputsShareTheLastIdent() throws Exception {
        Path path = dir.resolve("log.sock");
        try (AFUNIXDatagramSocket daemon = bound(path);
             Outputs o = new Outputs(LogSettings.parseOutputs("3:syslog:first 4:syslog:second"),
                     new Outputs.Sockets(path, dir.resolve("none")))) {
            o.write(new LogLine(TIME, LogSettings.ERROR, "s", "m"));
            assertTrue(receive(daemon).contains(" second: "));
            assertTrue(receive(daemon).contains(" second: "));
        }
    }

    @Test
    void journaldGetsTheNativeProtocol() throws Exception {
        Path path = dir.resolve("journal.sock");
        try (AFUNIXDatagramSocket journal = bound(path); JournaldSink sink = new JournaldSink(path)) {
            sink.write(new LogLine(TIME, LogSettings.INFO, "org.virtlockd.transport", "listening on /run/x"));
            assertEquals("MESSAGE=listening on /run/x\nPRIORITY=6\nSYSLOG_FACILITY=3\nSYSLOG_IDENTIFIER=virtlockd\n"
                    + "LIBVIRT_SOURCE=org.virtlockd.transport\n", receive(journal));
        }
    }

    @Test
    void aValueWithANewlineIsSentWithItsLength() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JournaldSink.field(out, "MESSAGE", "a\nb");
        assertEquals(HexFormat.of().formatHex("MESSAGE\n".getBytes(StandardCharsets.US_ASCII)) + "0300000000000000"
                + HexFormat.of().formatHex("a\nb\n".getBytes(StandardCharsets.US_ASCII)), HexFormat.of().formatHex(out.toByteArray()));
    }

    @Test
    void withoutAListenerMessagesAreDropped() throws Exception {
        try (JournaldSink sink = new JournaldSink(dir.resolve("nobody-listens"))) {
            sink.write(new LogLine(TIME, LogSettings.ERROR, "s", "lost"));
        }
    }
}
