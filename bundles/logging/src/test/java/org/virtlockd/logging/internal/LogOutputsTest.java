package org.virtlockd.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.log.Logger;
import org.osgi.service.log.admin.LoggerAdmin;
import org.osgi.service.log.admin.LoggerContext;
import org.virtlockd.launch.DaemonControl;
import org.virtlockd.launch.LaunchContext;

/** The component: history, priorities and filters, default outputs, configuration errors. */
class LogOutputsTest extends LogFixture {

    @Test
    void historyIsReplayedOldestFirstThenTheListenerIsAdded() throws IOException {
        history.add(entry("b", LogLevel.ERROR, "second", null, 2000));
        history.add(entry("a", LogLevel.WARN, "first", null, 1000));
        LogOutputs c = component(false);
        c.activate(config(3, "", fileOutput(1)));
        assertEquals("1970-01-01 00:00:01.000+0000: " + PID + ": warning : a : first\n"
                + "1970-01-01 00:00:02.000+0000: " + PID + ": error : b : second\n", logged());
        assertEquals(List.of(c), listeners);
        c.deactivate();
        assertEquals(List.of(), listeners);
    }

    @Test
    void defaultPriorityAndFirstMatchingFilterDecide() throws IOException {
        LogOutputs c = component(false);
        c.activate(config(3, "1:transport 4:trans", fileOutput(1)));
        c.logged(entry("org.virtlockd.transport.Session", LogLevel.DEBUG, "t-debug", null, 0));
        c.logged(entry("org.virtlockd.translate", LogLevel.WARN, "x-warn", null, 0));
        c.logged(entry("org.virtlockd.translate", LogLevel.ERROR, "x-error", null, 0));
        c.logged(entry("org.virtlockd.config", LogLevel.INFO, "c-info", null, 0));
        c.logged(entry("org.virtlockd.config", LogLevel.WARN, "c-warn", null, 0));
        c.logged(entry("org.virtlockd.config", LogLevel.TRACE, "c-trace", null, 0));
        c.deactivate();
        assertEquals(List.of("debug : org.virtlockd.transport.Session : t-debug", "error : org.virtlockd.translate : x-error",
                "warning : org.virtlockd.config : c-warn"), tails(logged()));
        assertEquals(List.of(Map.of(Logger.ROOT_LOGGER_NAME, LogLevel.DEBUG)), rootLevels);
    }

    @Test
    void frameworkEventsAreDebug() throws IOException {
        LogOutputs c = component(false);
        c.activate(config(2, "", fileOutput(1)));
        c.logged(entry("Events.Bundle", LogLevel.INFO, "BundleEvent STARTED", null, 0));
        c.logged(entry("Events.Service", LogLevel.ERROR, "ServiceEvent REGISTERED", null, 0));
        c.modified(config(1, "", fileOutput(1)));
        c.logged(entry("Events.Service", LogLevel.ERROR, "ServiceEvent UNREGISTERING", null, 0));
        c.logged(entry("SomeEvents.Bundle", LogLevel.INFO, "not a framework event", null, 0));
        c.deactivate();
        assertEquals(List.of("debug : Events.Service : ServiceEvent UNREGISTERING", "info : SomeEvents.Bundle : not a framework event"),
                tails(logged()));
        assertEquals(List.of(Map.of(Logger.ROOT_LOGGER_NAME, LogLevel.INFO), Map.of(Logger.ROOT_LOGGER_NAME, LogLevel.DEBUG)),
                rootLevels);
    }

    @Test
    void exceptionIsAppendedAndMissingLoggerNameFallsBackToTheBundle() throws IOException {
        LogOutputs c = component(false);
        c.activate(config(3, "", fileOutput(1)));
        c.logged(entry("org.virtlockd.x", LogLevel.ERROR, "it broke", new IllegalStateException("bad state"), 0));
        c.logged(entry(null, LogLevel.ERROR, "nameless", null, 0));
        c.deactivate();
        assertEquals(List.of("error : org.virtlockd.x : it broke: java.lang.IllegalStateException: bad state",
                "error : org.virtlockd.some.bundle : nameless"), tails(logged()));
    }

    @Test
    void outputPriorityStillApplies() throws IOException {
        LogOutputs c = component(false);
        c.activate(config(1, "", fileOutput(3)));
        c.logged(entry("s", LogLevel.INFO, "info", null, 0));
        c.logged(entry("s", LogLevel.WARN, "warn", null, 0));
        c.deactivate();
        assertEquals(List.of("warning : s : warn"), tails(logged()));
    }

    @Test
    void daemonWithoutOutputsWritesTheDefaultLogFileAtTheDefaultPriority() throws IOException {
        LogOutputs c = component(true);
        c.activate(config(2, "", ""));
        c.logged(entry("s", LogLevel.DEBUG, "hidden", null, 0));
        c.logged(entry("s", LogLevel.INFO, "shown", null, 0));
        c.deactivate();
        assertEquals(List.of("info : s : shown"), tails(Files.readString(dir.resolve("default/virtlockd.log"))));
        assertTrue(failures.isEmpty(), failures.toString());
    }

    @Test
    void foregroundWithoutOutputsWritesStderrAtTheDefaultPriority() {
        java.io.PrintStream realErr = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            LogOutputs c = component(false);
            c.activate(config(4, "", ""));
            c.logged(entry("s", LogLevel.WARN, "hidden", null, 0));
            c.logged(entry("s", LogLevel.ERROR, "shown", null, 0));
            c.deactivate();
        } finally {
            System.setErr(realErr);
        }
        assertEquals(List.of("error : s : shown"), tails(err.toString(java.nio.charset.StandardCharsets.UTF_8)));
        assertFalse(Files.exists(dir.resolve("default/virtlockd.log")));
    }

    @Test
    void badConfigurationFailsTheDaemonAndKeepsTheOldSettings() throws IOException {
        LogOutputs c = component(false);
        c.activate(config(3, "", fileOutput(1)));
        c.modified(config(3, "x", fileOutput(1)));
        c.modified(config(3, "", "1:bogus"));
        assertEquals(List.of("FAILURE Invalid logging configuration: Malformed format for filter 'x'",
                "FAILURE Invalid logging configuration: Invalid log destination 'bogus' for log output '1:bogus'"), failures);
        c.logged(entry("s", LogLevel.WARN, "still here", null, 0));
        c.deactivate();
        assertEquals(List.of("warning : s : still here"), tails(logged()));
        assertEquals(1, rootLevels.size());
    }

    @Test
    void nothingIsWrittenAfterDeactivation() throws IOException {
        LogOutputs c = component(false);
        c.activate(config(3, "", fileOutput(1)));
        c.deactivate();
        c.logged(entry("s", LogLevel.ERROR, "late", null, 0));
        assertFalse(logged().contains("late"));
    }

    @Test
    void levelMapping() {
        assertEquals(LogLevel.DEBUG, LogOutputs.levelOf(LogSettings.DEBUG));
        assertEquals(LogLevel.INFO, LogOutputs.levelOf(LogSettings.INFO));
        assertEquals(LogLevel.WARN, LogOutputs.levelOf(LogSettings.WARNING));
        assertEquals(LogLevel.ERROR, LogOutputs.levelOf(LogSettings.ERROR));
        assertEquals(LogSettings.DEBUG, LogOutputs.priorityOf(LogLevel.TRACE));
        assertEquals(LogSettings.DEBUG, LogOutputs.priorityOf(LogLevel.DEBUG));
        assertEquals(LogSettings.INFO, LogOutputs.priorityOf(LogLevel.INFO));
        assertEquals(LogSettings.WARNING, LogOutputs.priorityOf(LogLevel.WARN));
        assertEquals(LogSettings.ERROR, LogOutputs.priorityOf(LogLevel.ERROR));
        assertEquals(LogSettings.ERROR, LogOutputs.priorityOf(LogLevel.AUDIT));
    }
}
