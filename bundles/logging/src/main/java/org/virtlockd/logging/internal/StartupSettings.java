package org.virtlockd.logging.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The settings at start-up, decided as libvirt's {@code virLockDaemonSetupLogging} does (spec 6.4): the
 * configuration file's priority, filters and outputs; then the environment ({@code LIBVIRT_DEBUG},
 * {@code LIBVIRT_LOG_FILTERS}, {@code LIBVIRT_LOG_OUTPUTS}, each only when set and not empty); then
 * {@code --verbose}, which lowers the priority to info; then, without any output, the default output. Every
 * malformed value is fatal, the file's first, with libvirt's text.
 */
final class StartupSettings {

    static final String ENV_PRIORITY = "LIBVIRT_DEBUG";
    static final String ENV_FILTERS = "LIBVIRT_LOG_FILTERS";
    static final String ENV_OUTPUTS = "LIBVIRT_LOG_OUTPUTS";

    /** What the machine offers, asked only when the choice of the default output depends on it. */
    interface Host {
        /** @return whether journald's socket exists and is writable (libvirt: {@code access(W_OK)}) */
        boolean journaldWritable();

        /** @return whether standard input is a terminal */
        boolean stdinIsTerminal();
    }

    /**
     * @param settings the settings to apply
     * @param defaultOutput the default output, which an empty output list set at runtime falls back to
     * @param defaultIsFile whether that default is the log file (its directory must exist)
     */
    record Decision(LogSettings settings, String defaultOutput, boolean defaultIsFile) {
    }

    /** The start-up facts libvirt's choice depends on. */
    record Launch(boolean verbose, boolean daemon, Path logFile) {
    }

    private StartupSettings() {
    }

    /** @throws IllegalArgumentException with libvirt's text for the first malformed value */
    static Decision decide(int filePriority, String fileFilters, String fileOutputs, Map<String, String> env,
            Launch launch, Host host) {
        int priority = filePriority;
        List<LogSettings.Filter> filters = LogSettings.parseFilters(fileFilters);
        List<LogSettings.OutputSpec> outputs = LogSettings.parseOutputs(fileOutputs);
        String debug = env.get(ENV_PRIORITY);
        if (debug != null && !debug.isEmpty()) {
            priority = parseDefaultPriority(debug);
        }
        String envFilters = env.get(ENV_FILTERS);
        if (envFilters != null && !envFilters.isEmpty()) {
            filters = LogSettings.parseFilters(envFilters);
        }
        String envOutputs = env.get(ENV_OUTPUTS);
        if (envOutputs != null && !envOutputs.isEmpty()) {
            outputs = LogSettings.parseOutputs(envOutputs);
        }
        if (launch.verbose() && priority > LogSettings.INFO) {
            priority = LogSettings.INFO;
        }
        String defaultOutput = defaultOutput(priority, launch, host);
        boolean defaultIsFile = defaultOutput.contains(":file:");
        if (outputs.isEmpty()) {
            outputs = LogSettings.parseOutputs(defaultOutput);
        }
        return new Decision(new LogSettings(priority, filters, outputs), defaultOutput, defaultIsFile);
    }

    /**
     * libvirt's {@code virLogSetDefaultOutput}: daemonized, journald if its socket is writable, else the log
     * file; in the foreground, journald if standard input is not a terminal and journald is there, else
     * stderr. journald never gets debug messages by default: its rate limit would slow the daemon down.
     */
    static String defaultOutput(int priority, Launch launch, Host host) {
        boolean journald = host.journaldWritable();
        if (journald && (launch.daemon() || !host.stdinIsTerminal())) {
            return Math.max(priority, LogSettings.INFO) + ":journald";
        }
        if (launch.daemon()) {
            return priority + ":file:" + launch.logFile();
        }
        return priority + ":stderr";
    }

    /** libvirt's {@code virLogParseDefaultPriority}: "1" to "4" or the level's name. */
    static int parseDefaultPriority(String text) {
        return switch (text) {
            case "1", "debug" -> LogSettings.DEBUG;
            case "2", "info" -> LogSettings.INFO;
            case "3", "warning" -> LogSettings.WARNING;
            case "4", "error" -> LogSettings.ERROR;
            default -> throw new IllegalArgumentException(
                    "Failed to set logging priority, argument '" + text + "' is invalid");
        };
    }
}
