package org.virtlockd.logging.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * libvirt's log line: {@code 2026-01-01 12:00:00.000+0000: <pid>: <level> : <source> : <message>}. Syslog
 * gets the part after the time stamp (its own header carries the time), journald the bare message.
 */
final class LineFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
    static final long PID = ProcessHandle.current().pid();

    private LineFormat() {
    }

    static String levelName(int priority) {
        return switch (priority) {
            case LogSettings.DEBUG -> "debug";
            case LogSettings.INFO -> "info";
            case LogSettings.WARNING -> "warning";
            default -> "error";
        };
    }

    /** @return the line without time stamp: {@code <pid>: <level> : <source> : <message>} */
    static String body(int priority, String source, String message) {
        return PID + ": " + levelName(priority) + " : " + source + " : " + message;
    }

    static String format(long millis, int priority, String source, String message) {
        return TIME.format(Instant.ofEpochMilli(millis)) + ": " + body(priority, source, message);
    }

    /** syslog(3) severities for libvirt's priorities ({@code virLogPrioritySyslog}). */
    static int syslogSeverity(int priority) {
        return switch (priority) {
            case LogSettings.DEBUG -> 7;
            case LogSettings.INFO -> 6;
            case LogSettings.WARNING -> 4;
            default -> 3;
        };
    }
}
