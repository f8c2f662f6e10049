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

/** The logging component driven with hand-made services (dynamic proxies), a fake machine and a temporary directory. */
abstract class LogFixture {

    static final long PID = ProcessHandle.current().pid();

    @TempDir
    Path dir;

    final List<LogEntry> history = new ArrayList<>();
    final List<LogListener> listeners = new ArrayList<>();
    final List<Map<String, LogLevel>> rootLevels = new ArrayList<>();
    final List<String> failures = new ArrayList<>();

    /** A proxy of {@code type} whose methods answer from {@code answers} by name (defaults: null, false, 0). */
    @SuppressWarnings("unchecked")
    static <T> T fake(Class<T> type, Map<String, Function<Object[], Object>> answers) {
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

    static LogEntry entry(String logger, LogLevel level, String message, Throwable error, long time) {
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

    static LoggingConfig config(int level, String filters, String outputs) {
        return fake(LoggingConfig.class, Map.of("logLevel", a -> level, "logFilters", a -> filters, "logOutputs", a -> outputs,
                "verbose", a -> false));
    }

    final Map<String, String> environment = new HashMap<>();
    boolean journald;
    boolean terminal = true;

    LogOutputs component(boolean daemon) {
        return component(daemon, false);
    }

    LogOutputs component(boolean daemon, boolean verbose) {
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
        LaunchContext launch = fake(LaunchContext.class, Map.of("daemon", a -> daemon, "verbose", a -> verbose,
                "logFile", a -> dir.resolve("default/virtlockd.log")));
        DaemonControl control = fake(DaemonControl.class, Map.of("fail", a -> failures.add(a[0] + " " + a[1])));
        StartupSettings.Host host = new StartupSettings.Host() {
            @Override
            public boolean journaldWritable() {
                return journald;
            }

            @Override
            public boolean stdinIsTerminal() {
                return terminal;
            }
        };
        return new LogOutputs(reader, admin, launch, control, environment, host,
                new Outputs.Sockets(dir.resolve("syslog.sock"), dir.resolve("journald.sock")));
    }

    Path log() {
        return dir.resolve("out.log");
    }

    String fileOutput(int level) {
        return level + ":file:" + log();
    }

    String logged() throws IOException {
        return Files.exists(log()) ? Files.readString(log()) : "";
    }

    /** Each line after "<time>: <pid>: ", checking that prefix on the way. */
    static List<String> tails(String text) {
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
