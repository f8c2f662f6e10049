package org.virtlockd.transport.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.virtlockd.launch.DaemonControl;
import org.virtlockd.launch.ExitStatus;
import org.virtlockd.launch.LaunchContext;
import org.virtlockd.launch.RestartParticipant;
import org.virtlockd.transport.RpcProgram;
import org.virtlockd.transport.ServerView;
import org.virtlockd.transport.Servers;
import org.virtlockd.transport.SessionListener;

/**
 * The daemon's two libvirt servers, {@code virtlockd} (lock socket) and {@code admin} (admin socket), on one
 * I/O thread. Activated once the configuration exists; a configuration change adjusts limits in place and
 * never closes a listener or a client. The {@link Servers} service is registered by this component itself once
 * the sockets listen (not by SCR, which would register it before activation and retry a failed activation
 * for every component that then asks for it). Under systemd socket activation the listeners are the passed
 * descriptors, claimed by name (spec 6.7); they are not unlinked at shutdown.
 */
@Component(service = {}, immediate = true, configurationPid = "org.virtlockd.transport", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = TransportConfig.class)
public final class RpcServers implements Servers, Log {

    private final Programs programs = new Programs();
    private final List<SessionListener> sessionListeners = new CopyOnWriteArrayList<>();
    private final List<Server> servers = new CopyOnWriteArrayList<>();
    private final LaunchContext launch;
    private final DaemonControl control;
    private EventLoop loop;
    private Server lockServer;
    private Server adminServer;
    private ServiceRegistration<Servers> registration;
    private ServiceRegistration<RestartParticipant> restartRegistration;

    @Reference(service = LoggerFactory.class, cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Logger logger;

    @Activate
    public RpcServers(@Reference(cardinality = ReferenceCardinality.OPTIONAL) LaunchContext launch,
                      @Reference(cardinality = ReferenceCardinality.OPTIONAL) DaemonControl control) {
        this.launch = launch;
        this.control = control;
    }

    @Activate
    void activate(BundleContext context, TransportConfig config) throws IOException, InterruptedException {
        long euid = launch != null ? launch.effectiveUid() : EffectiveUid.get();
        boolean privileged = euid == 0;
        loop = new EventLoop(this::warn);
        lockServer = new Server(RpcProgram.LOCK_SERVER, loop, uid -> privileged ? uid == 0 : uid == euid,
                config.maxClients(), programs, sessionListeners, this);
        adminServer = new Server(RpcProgram.ADMIN_SERVER, loop, uid -> uid == euid, config.adminMaxClients(), programs,
                sessionListeners, this);
        Map<String, List<Integer>> activated = launch == null ? Map.of() : launch.activatedSockets();
        Map<String, Object> restartState = launch == null ? null : launch.restartState().orElse(null);
        loop.start();
        String failure;
        String where;
        ExitStatus failureStatus = ExitStatus.NETWORK;
        if (restartState != null) {
            failure = restoreAll(restartState);
            failureStatus = ExitStatus.INIT;
            where = "the sockets handed over by the re-exec";
        } else if (activated.isEmpty()) {
            Path lockPath = socketPath(config.lockSocket(), launch == null ? null : launch.lockSocket());
            Path adminPath = socketPath(config.adminSocket(), launch == null ? null : launch.adminSocket());
            failure = listen(lockServer, lockPath);
            if (failure == null) {
                failure = listen(adminServer, adminPath);
            }
            where = lockPath + " and " + adminPath;
        } else {
            failure = adoptAll(activated);
            where = "the sockets systemd passed: " + activated;
        }
        if (failure != null) {
            deactivate();
            if (control != null) {
                control.fail(failureStatus, failure);
            }
            throw new IOException(failure);
        }
        info("listening on " + where);
        registration = context.registerService(Servers.class, this, null);
        restartRegistration = context.registerService(RestartParticipant.class, new TransportRestart(loop, servers, this),
                new Hashtable<>(Map.of(RestartParticipant.ORDER, RestartParticipant.ORDER_TRANSPORT)));
        if (control != null) {
            control.ready();
        }
    }

    /**
     * libvirt's claim rule (spec 6.7): each server takes the descriptors of its name, a server whose name was
     * not passed gets no listener (no socket is created), and a name nobody claims is an error.
     */
    private String adoptAll(Map<String, List<Integer>> activated) throws InterruptedException {
        Map<String, Server> claims = Map.of(LaunchContext.LOCK_SOCKET_NAME, lockServer,
                LaunchContext.ADMIN_SOCKET_NAME, adminServer);
        for (String name : activated.keySet()) {
            if (!claims.containsKey(name)) {
                return "Some activation file descriptors are unclaimed";
            }
        }
        String[] failure = new String[1];
        loop.executeAndWait(() -> {
            // Both servers exist, as libvirt's do, whether or not their socket was passed.
            servers.add(lockServer);
            servers.add(adminServer);
            for (Map.Entry<String, List<Integer>> e : activated.entrySet()) {
                try {
                    for (int fd : e.getValue()) {
                        claims.get(e.getKey()).adopt(fd);
                    }
                } catch (IOException ex) {
                    failure[0] = "Unable to use the activation socket '" + e.getKey() + "': " + ex.getMessage();
                    return;
                }
            }
        });
        return failure[0];
    }

    /**
     * Takes over the servers a re-exec handed over (spec 6.12): both servers exist, each gets the listeners and
     * clients its entry names; a server the state does not name has no socket (libvirt: a state without the
     * admin server restores without an admin socket). Names other than libvirt's two are reported and skipped.
     */
    private String restoreAll(Map<String, Object> state) throws InterruptedException {
        Map<String, Map<String, Object>> byName;
        try {
            byName = TransportRestart.serversOf(state);
        } catch (IllegalArgumentException e) {
            return "Cannot restore the servers from the restart state: " + e.getMessage();
        }
        Map<String, Server> known = Map.of(RpcProgram.LOCK_SERVER, lockServer, RpcProgram.ADMIN_SERVER, adminServer);
        String[] failure = new String[1];
        loop.executeAndWait(() -> {
            servers.add(lockServer);
            servers.add(adminServer);
            for (Map.Entry<String, Map<String, Object>> e : byName.entrySet()) {
                Server server = known.get(e.getKey());
                if (server == null) {
                    warn("ignoring unknown server '" + e.getKey() + "' in the restart state");
                    continue;
                }
                try {
                    ServerState.restore(server, e.getValue(), this);
                } catch (IOException | IllegalArgumentException ex) {
                    failure[0] = "Cannot restore server '" + e.getKey() + "' from the restart state: " + ex.getMessage();
                    return;
                }
            }
        });
        return failure[0];
    }

    private static Path socketPath(String configured, Path fromLauncher) {
        return !configured.isEmpty() ? Path.of(configured) : fromLauncher;
    }

    private String listen(Server server, Path path) throws InterruptedException {
        if (path == null) {
            return null;
        }
        String[] failure = new String[1];
        loop.executeAndWait(() -> {
            try {
                Files.createDirectories(path.getParent());
                server.listen(path);
                servers.add(server);
            } catch (IOException e) {
                failure[0] = "Failed to bind socket to '" + path + "': " + e.getMessage();
            }
        });
        return failure[0];
    }

    @Modified
    void modified(TransportConfig config) {
        lockServer.setMaxClients(config.maxClients());
        adminServer.setMaxClients(config.adminMaxClients());
    }

    @Override
    public List<ServerView> servers() {
        return List.copyOf(servers);
    }

    @Override
    public Optional<ServerView> server(String name) {
        return servers.stream().filter(s -> s.name().equals(name)).map(s -> (ServerView) s).findFirst();
    }

    @Override
    public int totalClients() {
        return servers.stream().mapToInt(Server::clientCount).sum();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSessionListener(SessionListener listener) {
        sessionListeners.add(listener);
    }

    void removeSessionListener(SessionListener listener) {
        sessionListeners.remove(listener);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (restartRegistration != null) {
            restartRegistration.unregister();
            restartRegistration = null;
        }
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
        if (loop == null) {
            return;
        }
        loop.executeAndWait(() -> {
            servers.forEach(Server::close);
            servers.clear();
        });
        loop.stop();
        loop = null;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProgram(RpcProgram program, Map<String, Object> properties) {
        programs.add(serverOf(properties), program);
    }

    void removeProgram(RpcProgram program, Map<String, Object> properties) {
        programs.remove(serverOf(properties), program);
    }

    private static String serverOf(Map<String, Object> properties) {
        Object server = properties.get(RpcProgram.SERVER_PROPERTY);
        return server == null ? RpcProgram.LOCK_SERVER : server.toString();
    }

    @Override
    public void debug(String message) {
        Logger l = logger;
        if (l != null) {
            l.debug(message);
        }
    }

    @Override
    public void warn(String message) {
        Logger l = logger;
        if (l != null) {
            l.warn(message);
        } else {
            System.err.println("virtlockd transport: " + message);
        }
    }

    private void info(String message) {
        Logger l = logger;
        if (l != null) {
            l.info(message);
        }
    }
}
