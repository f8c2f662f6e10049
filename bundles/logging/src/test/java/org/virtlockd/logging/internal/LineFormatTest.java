package org.virtlockd.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class LineFormatTest {

    private static final long PID = ProcessHandle.current().pid();

    @Test
    void lineShapeIsLibvirts() {
        long t = Instant.parse("2026-01-02T03:04:05.678Z").toEpochMilli();
        assertEquals("2026-01-02 03:04:05.678+0000: " + PID + ": warning : org.virtlockd.x : hello world",
                LineFormat.format(t, LogSettings.WARNING, "org.virtlockd.x", "hello world"));
    }

    @Test
    void epochAndMillisecondsArePadded() {
        assertEquals("1970-01-01 00:00:00.007+0000: " + PID + ": debug : s : m", LineFormat.format(7, LogSettings.DEBUG, "s", "m"));
    }

    @Test
    void levelNames() {
        assertEquals("debug", LineFormat.levelName(LogSettings.DEBUG));
        assertEquals("info", LineFormat.levelName(LogSettings.INFO));
        assertEquals("warning", LineFormat.levelName(LogSettings.WARNING));
        assertEquals("error", LineFormat.levelName(LogSettings.ERROR));
    }
}
