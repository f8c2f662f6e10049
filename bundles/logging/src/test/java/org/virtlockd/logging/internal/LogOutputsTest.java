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

/** The component driven with hand-made services (dynamic proxies) and a file output in a temporary directory. */
class LogOutputsTest {

    private static final long PID = ProcessHandle.current().pid();

    @TempDir
    Path dir;

    private final List<LogEntry> history = new ArrayList<>();
    private final List<LogListener> listeners = new ArrayList<>();
    private final List<Map<String, LogLevel>> rootLevels = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    /** A proxy of {@code type} whose methods answer from {@code answers} by name (defaults: null, false, 0). */
    @SuppressWarnings("unchecked")
    private static <T> T fake(Class<T> type, Map<String, Function<Object[], Object>> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Function<Object[], Object> answer = answers.get(method.getName());
            if (answer != null) {
                return answer.apply(args);
            }
            return switch (method.getName()) {
                case "toString" -> type.getSimpleName() + " fake";
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> method.getReturnType() == boolean.class ? Boolean.FALSE
                        : method.getReturnType() == int.class ? Integer.valueOf(0)
                        : method.getReturnType() == long.class ? Long.valueOf(0) : null;
            };
        });
    }

    private static LogEntry entry(String logger, LogLevel level, String message, Throwable error, long time) {
        Bundle bundle = fake(Bundle.class, Map.of("getSymbolicName", a -> "org.virtlockd.some.bundle"));
        Map<String, Function<Object[], Object>> m = new HashMap<>();
        m.put("getLoggerName", a -> logger);
        m.put("getLogLevel", a -> level);
        m.put("getMessage", a -> message);
        m.put("getException", a -> error);
        m.put("getTime", a -> time);
        m.put("getBundle", a -> bundle);
        return fake(LogEntry.class, m);
    }

    private static LoggingConfig config(int level, String filters, String outputs) {
        return fake(LoggingConfig.class, Map.of("logLevel", a -> level, "logFilters", a -> filters, "logOutputs", a -> outputs));
    }

    private LogOutputs component(boolean daemon) {
        LogReaderService reader = fake(LogReaderService.class, Map.of(
                "getLog", a -> Collections.enumeration(history),
                "addLogListener", a -> listeners.add((LogListener) a[0]),
                "removeLogListener", a -> listeners.remove(a[0])));
        LoggerContext context = fake(LoggerContext.class, Map.of("setLogLevels", a -> {
            @SuppressWarnings("unchecked")
            Map<String, LogLevel> levels = (Map<String, LogLevel>) a[0];
            rootLevels.add(levels);
            return null;
        }));
        LoggerAdmin admin = fake(LoggerAdmin.class, Map.of("getLoggerContext", a -> context));
        LaunchContext launch = fake(LaunchContext.class, Map.of("daemon", a -> daemon,
                "logFile", a -> dir.resolve("default/virtlockd.log")));
        DaemonControl control = fake(DaemonControl.class, Map.of("fail", a -> failures.add(a[0] + " " + a[1])));
        return new LogOutputs(reader, admin, launch, control);
    }

    private Path log() {
        return dir.resolve("out.log");
    }

    private String fileOutput(int level) {
        return level + ":file:" + log();
    }

    private String logged() throws IOException {
        return Files.exists(log()) ? Files.readString(log()) : "";
    }

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

    /** Each line after "<time>: <pid>: ", checking that prefix on the way. */
    private static List<String> tails(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String prefix = line.substring(0, 30);
            assertTrue(prefix.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000: "), line);
            String rest = line.substring(30);
            assertTrue(rest.startsWith(PID + ": "), line);
            out.add(rest.substring((PID + ": ").length()));
        }
        return out;
    }
}
