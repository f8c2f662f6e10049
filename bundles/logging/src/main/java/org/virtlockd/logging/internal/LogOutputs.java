package org.virtlockd.logging.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.log.Logger;
import org.osgi.service.log.admin.LoggerAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.virtlockd.launch.DaemonControl;
import org.virtlockd.launch.ExitStatus;
import org.virtlockd.launch.LaunchContext;

/**
 * Writes the OSGi Log Service's entries to libvirt-style outputs. The Log Service's root level follows the
 * lowest priority any filter or the default asks for, so disabled levels cost nothing at the call site.
 * Entries logged before this component started are replayed from the Log Service's history.
 */
@Component(service = {}, immediate = true, configurationPid = "org.virtlockd.logging", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = LoggingConfig.class)
public final class LogOutputs implements LogListener {

    private final LogReaderService reader;
    private final LoggerAdmin admin;
    private final LaunchContext launch;
    private final DaemonControl control;
    private volatile LogSettings settings;
    private volatile Outputs outputs;

    @Activate
    public LogOutputs(@Reference LogReaderService reader,
                      @Reference(cardinality = ReferenceCardinality.OPTIONAL) LoggerAdmin admin,
                      @Reference(cardinality = ReferenceCardinality.OPTIONAL) LaunchContext launch,
                      @Reference(cardinality = ReferenceCardinality.OPTIONAL) DaemonControl control) {
        this.reader = reader;
        this.admin = admin;
        this.launch = launch;
        this.control = control;
    }

    @Activate
    void activate(LoggingConfig config) {
        apply(config);
        List<LogEntry> history = new ArrayList<>();
        for (Enumeration<LogEntry> e = reader.getLog(); e.hasMoreElements();) {
            history.add(e.nextElement());
        }
        Collections.reverse(history);
        history.forEach(this::logged);
        reader.addLogListener(this);
    }

    @Modified
    void modified(LoggingConfig config) {
        apply(config);
    }

    @Deactivate
    void deactivate() {
        reader.removeLogListener(this);
        Outputs o = outputs;
        if (o != null) {
            o.close();
        }
    }

    private void apply(LoggingConfig config) {
        LogSettings next;
        Outputs opened;
        try {
            int priority = config.logLevel();
            List<LogSettings.OutputSpec> specs = LogSettings.parseOutputs(config.logOutputs());
            if (specs.isEmpty()) {
                specs = List.of(defaultOutput(priority));
            }
            next = new LogSettings(priority, LogSettings.parseFilters(config.logFilters()), specs);
            opened = new Outputs(specs);
        } catch (IllegalArgumentException | IOException e) {
            String message = "Invalid logging configuration: " + e.getMessage();
            if (control != null) {
                control.fail(ExitStatus.FAILURE, message);
            } else {
                System.err.println("virtlockd logging: " + message);
            }
            return;
        }
        Outputs previous = outputs;
        settings = next;
        outputs = opened;
        if (previous != null) {
            previous.close();
        }
        setLogServiceLevel(next);
    }

    /** Without configured outputs: stderr in the foreground, the default log file when daemonized. */
    private LogSettings.OutputSpec defaultOutput(int priority) {
        if (launch != null && launch.daemon()) {
            return new LogSettings.OutputSpec(priority, "file", launch.logFile().toString());
        }
        return new LogSettings.OutputSpec(priority, "stderr", "");
    }

    private void setLogServiceLevel(LogSettings s) {
        if (admin == null) {
            return;
        }
        int lowest = s.priority();
        for (LogSettings.Filter f : s.filters()) {
            lowest = Math.min(lowest, f.priority());
        }
        admin.getLoggerContext(null).setLogLevels(Map.of(Logger.ROOT_LOGGER_NAME, levelOf(lowest)));
    }

    static LogLevel levelOf(int priority) {
        return switch (priority) {
            case LogSettings.DEBUG -> LogLevel.DEBUG;
            case LogSettings.INFO -> LogLevel.INFO;
            case LogSettings.WARNING -> LogLevel.WARN;
            default -> LogLevel.ERROR;
        };
    }

    static int priorityOf(LogLevel level) {
        return switch (level) {
            case TRACE, DEBUG -> LogSettings.DEBUG;
            case INFO -> LogSettings.INFO;
            case WARN -> LogSettings.WARNING;
            default -> LogSettings.ERROR;
        };
    }

    @Override
    public void logged(LogEntry entry) {
        LogSettings s = settings;
        Outputs o = outputs;
        if (s == null || o == null) {
            return;
        }
        String source = entry.getLoggerName() != null ? entry.getLoggerName() : entry.getBundle().getSymbolicName();
        // The framework's own event entries ("Events.Bundle...", "Events.Service...") are debug chatter.
        int priority = source.startsWith("Events.") ? LogSettings.DEBUG : priorityOf(entry.getLogLevel());
        if (priority < s.thresholdFor(source)) {
            return;
        }
        String message = entry.getMessage();
        if (entry.getException() != null) {
            message = message + ": " + entry.getException();
        }
        o.write(priority, LineFormat.format(entry.getTime(), priority, source, message));
    }
}
