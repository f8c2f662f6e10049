package org.virtlockd.config.internal;

import java.io.IOException;
import java.util.function.Consumer;

import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.virtlockd.launch.DaemonControl;
import org.virtlockd.launch.ExitStatus;
import org.virtlockd.launch.LaunchContext;

/**
 * Reads {@code virtlockd.conf} once at start-up, as our launcher names it, and publishes the typed settings
 * for the transport and logging PIDs through Config Admin; a bad file makes the launcher exit 1 before any
 * socket exists. Without the launcher's services (another framework) this component stays inactive and the
 * PIDs are configured by other means.
 */
@Component(immediate = true, service = {})
public final class ConfigFileLoader {

    @Reference
    private LaunchContext launch;

    @Reference
    private DaemonControl control;

    @Reference
    private ConfigurationAdmin configAdmin;

    @Reference(service = LoggerFactory.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC)
    private volatile Logger logger;

    @Activate
    void activate() {
        load(launch, control, new ConfigPublisher(configAdmin), this::warn);
        Logger log = logger;
        if (log != null) {
            log.info("Configuration from {} (explicit: {})", launch.configFile(), launch.configFileExplicit());
        }
    }

    /**
     * The whole start-up step, without the framework: decide, then publish or fail.
     *
     * @param launch the launch facts (file, explicit or not, verbose)
     * @param control where a failure is reported
     * @param publisher where good settings go
     * @param warnings receives one line per ignored key
     * @return true when the configuration was published
     */
    static boolean load(LaunchContext launch, DaemonControl control, ConfigPublisher publisher,
            Consumer<String> warnings) {
        LoadOutcome outcome =
                ConfigDecision.decide(launch.configFile(), launch.configFileExplicit(), launch.verbose());
        if (outcome instanceof LoadOutcome.Failed failed) {
            control.fail(ExitStatus.FAILURE, failed.message());
            return false;
        }
        LoadOutcome.Loaded loaded = (LoadOutcome.Loaded) outcome;
        loaded.warnings().forEach(warnings);
        try {
            publisher.publish(loaded);
            return true;
        } catch (IOException e) {
            control.fail(ExitStatus.FAILURE,
                    "Can't publish configuration from " + launch.configFile() + ": " + e.getMessage());
            return false;
        }
    }

    private void warn(String message) {
        Logger log = logger;
        if (log != null) {
            log.warn(message);
        }
    }
}
