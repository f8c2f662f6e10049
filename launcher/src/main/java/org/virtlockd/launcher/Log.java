package org.virtlockd.launcher;

import java.io.PrintStream;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The launcher's own messages, in libvirt's log line format on stderr:
 * {@code 2026-01-01 12:00:00.000+0000: <pid>: error : <source> : <message>}. Once the framework runs,
 * bundles log through the OSGi Log Service and the logging bundle's outputs.
 */
final class Log {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSZ");
    private static final long PID = ProcessHandle.current().pid();
    /** When the launcher started logging (its first class to load, at {@code main}). */
    private static final long STARTED = System.nanoTime();

    /** libvirt's priorities: 1 debug, 2 info, 3 warning, 4 error. */
    private static volatile int threshold = 3;
    private static volatile PrintStream out = System.err;

    private Log() {
    }

    static void setThreshold(int priority) {
        threshold = priority;
    }

    static void setStream(PrintStream stream) {
        out = stream;
    }

    /** @return milliseconds since the launcher's main began, for the start-up trace ({@code -v}) */
    static long sinceStart() {
        return (System.nanoTime() - STARTED) / 1_000_000;
    }

    static void info(String source, String message) {
        write(2, "info", source, message);
    }

    static void warning(String source, String message) {
        write(3, "warning", source, message);
    }

    static void error(String source, String message) {
        write(4, "error", source, message);
    }

    private static void write(int priority, String level, String source, String message) {
        if (priority < threshold) {
            return;
        }
        String time = ZonedDateTime.now(ZoneOffset.UTC).format(TIME);
        out.println(time + ": " + PID + ": " + level + " : " + source + " : " + message);
        out.flush();
    }
}
