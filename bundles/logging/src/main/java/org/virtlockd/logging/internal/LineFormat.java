package org.virtlockd.logging.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** libvirt's log line: {@code 2026-01-01 12:00:00.000+0000: <pid>: <level> : <source> : <message>}. */
final class LineFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
    private static final long PID = ProcessHandle.current().pid();

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

    static String format(long millis, int priority, String source, String message) {
        return TIME.format(Instant.ofEpochMilli(millis)) + ": " + PID + ": " + levelName(priority) + " : " + source + " : " + message;
    }
}
