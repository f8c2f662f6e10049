package org.virtlockd.lifecycle.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.virtlockd.launch.DaemonControl;
import org.virtlockd.launch.LaunchContext;
import org.virtlockd.lifecycle.IdleTimeout;
import org.virtlockd.transport.Servers;
import org.virtlockd.transport.Session;
import org.virtlockd.transport.SessionListener;

/**
 * The idle timeout over the transport's servers: told of every session (whiteboard), it counts clients
 * through {@link Servers} and asks the launcher for an orderly shutdown when the timer expires. The
 * initial timeout is {@code -t}; without the launcher it starts disabled. The countdown begins once the
 * servers are up; until then the daemon does not count as idle. {@link Servers} is a dynamic reference:
 * the transport, which provides it, binds this component as a session listener while it activates.
 */
@Component(service = {IdleTimeout.class, SessionListener.class}, immediate = true)
public final class IdleTimeoutComponent implements IdleTimeout, SessionListener {

    private final DaemonControl control;
    private volatile Servers servers;
    private final ScheduledExecutorService executor;
    private final IdleTimer timer;

    @Reference(service = LoggerFactory.class, cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Logger logger;

    @Activate
    public IdleTimeoutComponent(@Reference(cardinality = ReferenceCardinality.OPTIONAL) LaunchContext launch,
                                @Reference(cardinality = ReferenceCardinality.OPTIONAL) DaemonControl control) {
        this.control = control;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "virtlockd-idle-timeout");
            t.setDaemon(true);
            return t;
        });
        this.timer = new IdleTimer(this::clients, this::expired,
                (task, delay) -> executor.schedule(task, delay, TimeUnit.MILLISECONDS));
        int initial = launch == null ? 0 : launch.timeoutSeconds().orElse(0);
        timer.setTimeoutSeconds(Math.min(initial, MAX_SECONDS));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindServers(Servers bound) {
        servers = bound;
        timer.update();
    }

    void unbindServers(Servers unbound) {
        if (servers == unbound) {
            servers = null;
            timer.update();
        }
    }

    /** Clients of all servers; before the servers exist, one: not serving yet is not idle. */
    private int clients() {
        Servers s = servers;
        return s == null ? 1 : s.totalClients();
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    @Override
    public int timeoutSeconds() {
        return timer.timeoutSeconds();
    }

    @Override
    public void setTimeoutSeconds(int seconds) {
        timer.setTimeoutSeconds(seconds);
        info("idle timeout set to " + seconds + " s" + (seconds == 0 ? " (disabled)" : ""));
    }

    @Override
    public void sessionOpened(Session session) {
        timer.update();
    }

    @Override
    public void sessionClosed(Session session) {
        timer.update();
    }

    private void expired() {
        info("no client for " + timer.timeoutSeconds() + " s: shutting down");
        if (control != null) {
            control.shutdown();
        }
    }

    private void info(String message) {
        Logger l = logger;
        if (l != null) {
            l.info(message);
        }
    }
}
