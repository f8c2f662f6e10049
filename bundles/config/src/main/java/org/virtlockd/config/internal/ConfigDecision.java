package org.virtlockd.config.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * From a configuration file to the typed properties we publish, or to the message the launcher exits with.
 * The order of the checks is libvirt's: read and parse, then each key's type and range, then the log priority;
 * last comes our own limit (connection limits are Java {@code int}s here, {@code unsigned int} in libvirt).
 */
public final class ConfigDecision {
    /** Configuration PID of the transport (socket limits). */
    public static final String TRANSPORT_PID = "org.virtlockd.transport";
    /** Configuration PID of logging. */
    public static final String LOGGING_PID = "org.virtlockd.logging";

    /** Property: lock socket connection limit (Integer). */
    public static final String MAX_CLIENTS = "maxClients";
    /** Property: admin socket connection limit (Integer). */
    public static final String ADMIN_MAX_CLIENTS = "adminMaxClients";
    /** Property: default log priority 1 (debug) to 4 (error) (Integer). */
    public static final String LOG_LEVEL = "logLevel";
    /** Property: libvirt log filter string, "" for none (String). */
    public static final String LOG_FILTERS = "logFilters";
    /** Property: libvirt log output string, "" for none (String). */
    public static final String LOG_OUTPUTS = "logOutputs";
    /** Property: {@code -v} was given, so that later sources can apply it again (Boolean). */
    public static final String VERBOSE = "verbose";
    /** Property in both PIDs: the file the values came from (String). */
    public static final String CONFIG_FILE = "virtlockd.configFile";

    /** libvirt's priorities ({@code virLogPriority}): 1 debug, 2 info, 3 warning, 4 error. */
    static final int LOG_INFO = 2;
    /** {@code VIR_LOG_WARN}. */
    static final int LOG_WARN = 3;
    /** {@code VIR_LOG_ERROR}, the highest priority libvirt accepts. */
    static final int LOG_ERROR = 4;
    /** The built-in default priority, kept when {@code log_level} is 0 or absent. */
    static final int DEFAULT_LOG_LEVEL = LOG_WARN;

    private ConfigDecision() {
    }

    /**
     * @param file the configuration file
     * @param explicit true when named with {@code -f}: then it must exist
     * @param verbose true with {@code -v}: the log priority becomes at most INFO
     * @return what to publish, or the failure message
     */
    public static LoadOutcome decide(Path file, boolean explicit, boolean verbose) {
        DaemonSettings settings;
        try {
            settings = load(file, explicit);
        } catch (ConfigException e) {
            return new LoadOutcome.Failed(loadFailure(e, file));
        }
        return decide(settings, file, verbose);
    }

    /**
     * @param file the configuration file
     * @param explicit true when a missing file is an error
     * @return the settings, the defaults for a missing default file
     * @throws ConfigException the file could not be read, parsed or typed
     */
    public static DaemonSettings load(Path file, boolean explicit) throws ConfigException {
        Optional<byte[]> content = ConfFileReader.read(file, !explicit);
        if (content.isEmpty()) {
            return DaemonSettings.defaults();
        }
        return DaemonSettings.from(VirConfParser.parse(file.toString(), content.get()));
    }

    /**
     * @param e what went wrong
     * @param file the file
     * @return the message as libvirt's {@code main} logs it: {@code Can't load config file: <error>: <file>}
     */
    public static String loadFailure(ConfigException e, Path file) {
        return "Can't load config file: " + e.getMessage() + ": " + file;
    }

    /**
     * @param settings settings already read
     * @param file the file they came from
     * @param verbose true with {@code -v}
     * @return the properties to publish, or the failure
     */
    public static LoadOutcome decide(DaemonSettings settings, Path file, boolean verbose) {
        if (settings.logLevel() > LOG_ERROR) {
            // libvirt's virLogSetDefaultPriority refuses it; virtlockd then exits 1
            return new LoadOutcome.Failed(ConfigException.INVALID_ARG_PREFIX
                    + "Failed to set logging priority, argument '" + settings.logLevel() + "' is invalid");
        }
        int level = settings.logLevel() == 0 ? DEFAULT_LOG_LEVEL : (int) settings.logLevel();
        if (verbose && level > LOG_INFO) {
            level = LOG_INFO;
        }
        Map<String, Object> transport = new LinkedHashMap<>();
        try {
            transport.put(MAX_CLIENTS, asInt(settings.maxClients(), DaemonSettings.MAX_CLIENTS, file));
            transport.put(ADMIN_MAX_CLIENTS,
                    asInt(settings.adminMaxClients(), DaemonSettings.ADMIN_MAX_CLIENTS, file));
        } catch (ConfigException e) {
            return new LoadOutcome.Failed(loadFailure(e, file));
        }
        transport.put(CONFIG_FILE, file.toString());
        Map<String, Object> logging = new LinkedHashMap<>();
        logging.put(LOG_LEVEL, level);
        logging.put(LOG_FILTERS, settings.logFilters());
        logging.put(LOG_OUTPUTS, settings.logOutputs());
        logging.put(VERBOSE, verbose);
        logging.put(CONFIG_FILE, file.toString());
        List<String> warnings = new ArrayList<>();
        for (String key : settings.unknownKeys()) {
            warnings.add("Unknown configuration key '" + key + "' in " + file + ", ignored");
        }
        return new LoadOutcome.Loaded(settings, transport, logging, warnings);
    }

    /** Connection limits are Java ints here: a larger value (libvirt allows up to 2^32-1) is refused. */
    private static int asInt(long value, String key, Path file) throws ConfigException {
        if (value > Integer.MAX_VALUE) {
            throw ConfigException.internal(file.toString(),
                    "value for '" + key + "' parameter must be in range 0:" + Integer.MAX_VALUE);
        }
        return (int) value;
    }
}
