package org.virtlockd.logging.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.virtlockd.logging.LogSettingsException;

/**
 * {@code level:syslog:ident}: what glibc's syslog(3) sends to {@code /dev/log} after libvirt's
 * {@code openlog(ident, 0, LOG_DAEMON)}: {@code <PRI>Mmm dd hh:mm:ss ident: <pid>: <level> : <source> : <message>}
 * with PRI = facility daemon (3 × 8) + severity. libvirt keeps one syslog connection, so every syslog output
 * uses the same tag, the last syslog output's ident.
 */
final class SyslogSink extends DatagramSink {

    static final Path DEV_LOG = Path.of("/dev/log");
    /** {@code LOG_DAEMON}. */
    static final int FACILITY_DAEMON = 3 << 3;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ROOT);

    private final String tag;
    private final ZoneId zone;

    SyslogSink(Path socket, String tag, ZoneId zone) throws LogSettingsException {
        super(socket, "syslog");
        this.tag = tag;
        this.zone = zone;
    }

    @Override
    byte[] datagram(LogLine line) {
        int pri = FACILITY_DAEMON + LineFormat.syslogSeverity(line.priority());
        String stamp = STAMP.format(Instant.ofEpochMilli(line.millis()).atZone(zone));
        String text = "<" + pri + ">" + stamp + " " + tag + ": "
                + LineFormat.body(line.priority(), line.source(), line.message()) + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
