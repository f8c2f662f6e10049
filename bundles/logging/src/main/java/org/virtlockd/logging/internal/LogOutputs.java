package org.virtlockd.logging.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
import org.virtlockd.logging.LogControl;
import org.virtlockd.logging.LogSettingsException;

/**
 * Writes the OSGi Log Service's entries to libvirt-style outputs, and lets the admin program read and replace
 * outputs and filters at runtime ({@link LogControl}). The settings at start-up follow libvirt's precedence
 * ({@link StartupSettings}). The Log Service's root level follows the lowest priority any filter or the
 * default asks for, so disabled levels cost nothing at the call site. Entries logged before this component
 * started are replayed from the Log Service's history.
 */
@Component(service = LogControl.class, immediate = true, configurationPid = "org.virtlockd.logging",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = LoggingConfig.class)
public final class LogOutputs implements LogListener, LogControl {

    private final LogReaderService reader;
    private final LoggerAdmin admin;
    private final LaunchContext launch;
    private final DaemonControl control;
    private final Map<String, String> environment;
    private final StartupSettings.Host host;
    private final LogState state;

    @Activate
    public LogOutputs(@Reference LogReaderService reader,
                      @Reference(cardinality = ReferenceCardinality.OPTIONAL) LoggerAdmin admin,
                      @Reference(cardinality = ReferenceCardinality.OPTIONAL) LaunchContext launch,
                      @Reference(cardinality = ReferenceCardinality.OPTIONAL) DaemonControl control) {
        this(reader, admin, launch, control, System.getenv(), SystemHost.INSTANCE, Outputs.Sockets.SYSTEM);
    }

    /** With a given environment, machine and datagram sockets (tests). */
    LogOutputs(LogReaderService reader, LoggerAdmin admin, LaunchContext launch, DaemonControl control,
               Map<String, String> environment, StartupSettings.Host host, Outputs.Sockets sockets) {
        this.reader = reader;
        this.admin = admin;
        this.launch = launch;
        this.control = control;
        this.environment = environment;
        this.host = host;
        this.state = new LogState(sockets, this::setLogServiceLevel);
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
        state.close();
    }

    private void apply(LoggingConfig config) {
        boolean verbose = config.verbose() || (launch != null && launch.verbose());
        boolean daemon = launch != null && launch.daemon();
        Path logFile = launch != null ? launch.logFile() : Path.of("virtlockd.log");
        try {
            StartupSettings.Decision d = StartupSettings.decide(config.logLevel(), config.logFilters(),
                    config.logOutputs(), environment, new StartupSettings.Launch(verbose, daemon, logFile), host);
            if (d.defaultIsFile() && (launch == null || !launch.privileged())) {
                createLogDirectory(logFile);
            }
            state.install(d.settings(), d.defaultOutput());
        } catch (IllegalArgumentException | LogSettingsException e) {
            fail("Invalid logging configuration: " + e.getMessage());
        } catch (IOException e) {
            fail("Invalid logging configuration: cannot create the log directory: " + e.getMessage());
        }
    }

    /** libvirt creates the unprivileged log directory with umask 077. */
    private static void createLogDirectory(Path logFile) throws IOException {
        Path dir = logFile.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
    }

    private void fail(String message) {
        if (control != null) {
            control.fail(ExitStatus.FAILURE, message);
        } else {
            System.err.println("virtlockd logging: " + message);
        }
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
        String source = entry.getLoggerName() != null ? entry.getLoggerName() : entry.getBundle().getSymbolicName();
        // The framework's own event entries ("Events.Bundle...", "Events.Service...") are debug chatter.
        int priority = source.startsWith("Events.") ? LogSettings.DEBUG : priorityOf(entry.getLogLevel());
        String message = entry.getMessage();
        if (entry.getException() != null) {
            message = message + ": " + entry.getException();
        }
        state.write(new LogLine(entry.getTime(), priority, source, message));
    }

    @Override
    public List<String> outputs() {
        return state.outputs();
    }

    @Override
    public List<String> filters() {
        return state.filters();
    }

    @Override
    public void setOutputs(String outputs) throws LogSettingsException {
        state.setOutputs(outputs);
    }

    @Override
    public void setFilters(String filters) throws LogSettingsException {
        state.setFilters(filters);
    }
}
