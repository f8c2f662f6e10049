package org.virtlockd.logging.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.virtlockd.logging.LogSettingsException;

/**
 * {@code level:journald}: systemd-journald's native protocol, one datagram per message to
 * {@code /run/systemd/journal/socket} holding {@code KEY=value} lines; a value containing a newline is sent as
 * {@code KEY}, newline, its length as a 64-bit little-endian number, the bytes and a newline. Fields as
 * libvirt's {@code virLogOutputToJournald}: MESSAGE, PRIORITY, SYSLOG_FACILITY (3, daemon) and LIBVIRT_SOURCE;
 * we add SYSLOG_IDENTIFIER, since journald would otherwise name the entries after the JVM ("java").
 */
final class JournaldSink extends DatagramSink {

    static final Path SOCKET = Path.of("/run/systemd/journal/socket");
    static final String IDENTIFIER = "virtlockd";
    /** The raw facility number journald wants (RFC 5424), not syslog(3)'s shifted LOG_DAEMON. */
    static final int FACILITY_DAEMON = 3;

    JournaldSink(Path socket) throws LogSettingsException {
        super(socket, "journald");
    }

    @Override
    byte[] datagram(LogLine line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        field(out, "MESSAGE", line.message());
        field(out, "PRIORITY", Integer.toString(LineFormat.syslogSeverity(line.priority())));
        field(out, "SYSLOG_FACILITY", Integer.toString(FACILITY_DAEMON));
        field(out, "SYSLOG_IDENTIFIER", IDENTIFIER);
        field(out, "LIBVIRT_SOURCE", line.source());
        return out.toByteArray();
    }

    static void field(ByteArrayOutputStream out, String key, String value) {
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(key.getBytes(StandardCharsets.US_ASCII));
        if (value.indexOf('\n') >= 0) {
            out.write('\n');
            out.writeBytes(ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(v.length).array());
        } else {
            out.write('=');
        }
        out.writeBytes(v);
        out.write('\n');
    }
}
