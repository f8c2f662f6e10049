package org.virtlockd.config.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The decision about one configuration file: what to publish, or the message to fail with. */
public sealed interface LoadOutcome permits LoadOutcome.Loaded, LoadOutcome.Failed {

    /**
     * The file was good (or absent and allowed to be).
     *
     * @param settings the settings as read
     * @param transport the properties for {@link ConfigDecision#TRANSPORT_PID}
     * @param logging the properties for {@link ConfigDecision#LOGGING_PID}
     * @param warnings one line per thing ignored (unknown keys)
     */
    record Loaded(DaemonSettings settings, Map<String, Object> transport, Map<String, Object> logging,
            List<String> warnings) implements LoadOutcome {
        /** Copies the maps, keeping their order, and the list. */
        public Loaded {
            transport = Collections.unmodifiableMap(new LinkedHashMap<>(transport));
            logging = Collections.unmodifiableMap(new LinkedHashMap<>(logging));
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * The daemon must not start.
     *
     * @param message the text the launcher logs before it exits with status 1, worded as libvirt's
     */
    record Failed(String message) implements LoadOutcome {
    }
}
