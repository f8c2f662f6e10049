package org.virtlockd.config.internal;

import java.io.IOException;
import java.util.Map;

import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Puts a {@link LoadOutcome.Loaded} into Config Admin. Each PID is updated only when its properties differ
 * from the stored ones (Config Admin 1.6 {@code updateIfDifferent}), so that reading an unchanged file again
 * does not make the components that use it see a change.
 */
final class ConfigPublisher {
    /** Location "?": the configuration binds to whichever bundle uses the PID. */
    static final String ANY_LOCATION = "?";

    private final ConfigurationAdmin configAdmin;

    ConfigPublisher(ConfigurationAdmin configAdmin) {
        this.configAdmin = configAdmin;
    }

    /**
     * @param loaded the decided properties
     * @return true when at least one PID was changed
     * @throws IOException Config Admin could not store a configuration
     */
    boolean publish(LoadOutcome.Loaded loaded) throws IOException {
        boolean transport = publish(ConfigDecision.TRANSPORT_PID, loaded.transport());
        boolean logging = publish(ConfigDecision.LOGGING_PID, loaded.logging());
        return transport || logging;
    }

    private boolean publish(String pid, Map<String, Object> properties) throws IOException {
        Configuration configuration = configAdmin.getConfiguration(pid, ANY_LOCATION);
        return configuration.updateIfDifferent(FrameworkUtil.asDictionary(properties));
    }
}
