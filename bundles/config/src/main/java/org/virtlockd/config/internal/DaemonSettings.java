package org.virtlockd.config.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The settings virtlockd 9.0.0 reads from {@code virtlockd.conf} ({@code src/locking/lock_daemon_config.c}),
 * with its defaults. Numbers are libvirt's {@code unsigned int}, held in a {@code long}.
 *
 * @param logLevel {@code log_level}: 1 debug … 4 error, 0 keeps the built-in default
 * @param logFilters {@code log_filters}, "" when not set
 * @param logOutputs {@code log_outputs}, "" when not set
 * @param maxClients {@code max_clients}: connection limit of the lock socket
 * @param adminMaxClients {@code admin_max_clients}: connection limit of the admin socket
 * @param unknownKeys keys in the file that virtlockd does not read, in file order (ignored, as libvirt does)
 */
public record DaemonSettings(long logLevel, String logFilters, String logOutputs, long maxClients,
        long adminMaxClients, List<String> unknownKeys) {

    /** Key of the default log priority. */
    public static final String LOG_LEVEL = "log_level";
    /** Key of the log filters. */
    public static final String LOG_FILTERS = "log_filters";
    /** Key of the log outputs. */
    public static final String LOG_OUTPUTS = "log_outputs";
    /** Key of the lock socket's connection limit. */
    public static final String MAX_CLIENTS = "max_clients";
    /** Key of the admin socket's connection limit. */
    public static final String ADMIN_MAX_CLIENTS = "admin_max_clients";

    /** Default of {@code max_clients} in {@code virLockDaemonConfigNew}. */
    public static final long DEFAULT_MAX_CLIENTS = 1024;
    /** Default of {@code admin_max_clients} in the code (the shipped sample file wrongly says 5). */
    public static final long DEFAULT_ADMIN_MAX_CLIENTS = 5000;

    private static final Set<String> KNOWN_KEYS =
            Set.of(LOG_LEVEL, LOG_FILTERS, LOG_OUTPUTS, MAX_CLIENTS, ADMIN_MAX_CLIENTS);

    /** @param unknownKeys copied */
    public DaemonSettings {
        unknownKeys = List.copyOf(unknownKeys);
    }

    /** @return the settings when there is no configuration file */
    public static DaemonSettings defaults() {
        return new DaemonSettings(0, "", "", DEFAULT_MAX_CLIENTS, DEFAULT_ADMIN_MAX_CLIENTS, List.of());
    }

    /**
     * Reads the keys in libvirt's order, so that with several bad values the same one is reported.
     *
     * @param conf the parsed file
     * @return the settings, defaults where the file says nothing
     * @throws ConfigException a value of the wrong type or out of the {@code unsigned int} range
     */
    public static DaemonSettings from(ConfFile conf) throws ConfigException {
        DaemonSettings d = defaults();
        long logLevel = conf.unsignedInt(LOG_LEVEL).orElse(d.logLevel());
        String logFilters = conf.string(LOG_FILTERS).orElse(d.logFilters());
        String logOutputs = conf.string(LOG_OUTPUTS).orElse(d.logOutputs());
        long maxClients = conf.unsignedInt(MAX_CLIENTS).orElse(d.maxClients());
        long adminMaxClients = conf.unsignedInt(ADMIN_MAX_CLIENTS).orElse(d.adminMaxClients());
        List<String> unknown = new ArrayList<>();
        for (String key : conf.entries().keySet()) {
            if (!KNOWN_KEYS.contains(key)) {
                unknown.add(key);
            }
        }
        return new DaemonSettings(logLevel, logFilters, logOutputs, maxClients, adminMaxClients, unknown);
    }
}
