package org.virtlockd.shell.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.felix.service.command.CommandProcessor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.virtlockd.launch.LaunchContext;

/**
 * Serves the Gogo shell on its socket: the launcher's {@link LaunchContext#shellSocket()}, or the path of
 * configuration {@code org.virtlockd.shell} in another framework. Gogo runs without a console in the
 * daemon; each client connection gets its own {@code CommandSession} (see {@link ShellProtocol}). The
 * shell socket is no libvirt server: it is not in the {@code Servers} service nor in the restart state.
 */
@Component(immediate = true, configurationPid = "org.virtlockd.shell", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ShellConfig.class)
public final class ShellServer {

    @Reference(service = LoggerFactory.class, cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile LoggerFactory loggerFactory;

    private final ShellLog log = new ShellLog(() -> loggerFactory);
    private final LaunchContext launch;
    private final CommandProcessor processor;
    private ShellListener listener;

    /**
     * @param launch our launcher's facts, absent in other frameworks
     * @param processor Gogo's command processor
     */
    @Activate
    public ShellServer(@Reference(cardinality = ReferenceCardinality.OPTIONAL) LaunchContext launch,
            @Reference CommandProcessor processor) {
        this.launch = launch;
        this.processor = processor;
    }

    @Activate
    void activate(ShellConfig config) throws IOException {
        Path path = !config.socket().isEmpty() ? Path.of(config.socket()) : launch != null ? launch.shellSocket() : null;
        if (path == null) {
            log.info("no shell socket: neither the launcher nor configuration org.virtlockd.shell names one");
            return;
        }
        long euid = launch != null ? launch.effectiveUid() : effectiveUid();
        listener = ShellListener.open(path, euid, Math.max(1, config.maxSessions()), processor, log);
        log.info("shell listening on " + path);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (listener != null) {
            listener.close();
            log.info("shell socket " + listener.path() + " closed");
            listener = null;
        }
    }

    /** The effective uid from {@code /proc/self/status}, for frameworks without the launcher. */
    static long effectiveUid() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("Uid:")) {
                return Long.parseLong(line.substring(4).trim().split("\\s+")[1]);
            }
        }
        throw new IOException("no Uid line in /proc/self/status");
    }
}
