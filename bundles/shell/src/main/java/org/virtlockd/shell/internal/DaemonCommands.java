package org.virtlockd.shell.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.virtlockd.launch.LaunchContext;
import org.virtlockd.lockprogram.ClientRegistration;
import org.virtlockd.lockprogram.LockClients;
import org.virtlockd.lockprogram.ProcedureCount;
import org.virtlockd.protocol.Owner;
import org.virtlockd.transport.RpcProgram;
import org.virtlockd.transport.ServerView;
import org.virtlockd.transport.Servers;
import org.virtlockd.transport.Session;

/**
 * {@code lockd:clients}, {@code lockd:stats} and {@code lockd:config}: the daemon's connections, counters and
 * settings; {@code lockd:config PID KEY VALUE} changes a setting at runtime through Config Admin.
 */
@Component(service = DaemonCommands.class)
@GogoCommand(scope = "lockd", function = {"clients", "stats", "config"})
public final class DaemonCommands {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Servers servers;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile LockClients lockClients;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ConfigurationAdmin configurationAdmin;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile LaunchContext launch;

    /** For Declarative Services. */
    public DaemonCommands() {
    }

    DaemonCommands(Servers servers, LockClients lockClients, ConfigurationAdmin configurationAdmin) {
        this.servers = servers;
        this.lockClients = lockClients;
        this.configurationAdmin = configurationAdmin;
    }

    @Descriptor("lists the clients of the libvirt servers: server, id, peer pid and uid, restricted, connected since, registered owner")
    public Table clients() {
        Servers current = require(servers, "the transport's servers (bundle org.virtlockd.transport)");
        LockClients program = lockClients;
        Table table = new Table("SERVER", "ID", "PID", "UID", "RESTRICTED", "CONNECTED", "OWNER");
        for (ServerView server : current.servers()) {
            for (Session s : server.clients()) {
                boolean lockServer = RpcProgram.LOCK_SERVER.equals(s.server());
                Optional<ClientRegistration> reg = lockServer && program != null ? program.registration(s) : Optional.empty();
                String restricted = lockServer ? (reg.map(ClientRegistration::restricted).orElse(false) ? "yes" : "no") : null;
                table.row(s.server(), s.id(), s.peerPid(), s.peerUid(), restricted,
                        LockCommands.time(s.connectedAt()), reg.map(DaemonCommands::owner).orElse(null));
            }
        }
        return table;
    }

    /** @return {@code <name> id=<id> pid=<pid>}, or nothing when the connection has not registered */
    static String owner(ClientRegistration registration) {
        Owner o = registration.owner();
        if (o == null) {
            return null;
        }
        return o.name() + " id=" + o.id() + " pid=" + o.pid() + (registration.registered() ? "" : " (id 0: not registered)");
    }

    @Descriptor("shows calls and errors per lock procedure, the uptime and the re-exec count")
    public Table stats() {
        LockClients program = require(lockClients, "the lock program (bundle org.virtlockd.lockprogram)");
        Table table = new Table("PROCEDURE", "NUMBER", "CALLS", "ERRORS");
        for (ProcedureCount c : program.procedureCounts()) {
            table.row(c.procedure(), c.number(), c.calls(), c.errors());
        }
        long unknown = program.unknownProcedureCalls();
        table.row("(unknown)", null, unknown, unknown);
        Instant started = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        long seconds = Math.max(0, Duration.between(started, Instant.now()).toSeconds());
        return table.note("uptime: " + seconds + " s (started " + LockCommands.time(started) + ")")
                .note("re-exec count: " + (launch == null ? 0 : launch.restartCount()));
    }

    @Descriptor("shows the Config Admin configurations of the daemon (PIDs org.virtlockd.*)")
    public Table config() throws IOException, InvalidSyntaxException {
        ConfigurationAdmin admin = require(configurationAdmin, "Config Admin (bundle org.apache.felix.configadmin)");
        return ConfigTable.of(admin.listConfigurations(ConfigTable.FILTER));
    }

    @Descriptor("changes one setting through Config Admin (the value takes the type the setting has now), e.g. "
            + "lockd:config org.virtlockd.transport maxClients 2048; held locks and connected clients are kept")
    public Table config(@Descriptor("the PID, org.virtlockd.*") String pid, @Descriptor("the property") String key,
                        @Descriptor("the new value") String value) throws IOException, InvalidSyntaxException {
        ConfigurationAdmin admin = require(configurationAdmin, "Config Admin (bundle org.apache.felix.configadmin)");
        if (!pid.startsWith("org.virtlockd.")) {
            throw new IllegalArgumentException("not a configuration of the daemon: " + pid + " (expected org.virtlockd.*)");
        }
        ConfigUpdate.apply(admin.getConfiguration(pid, "?"), key, value);
        return ConfigTable.of(admin.listConfigurations("(" + org.osgi.framework.Constants.SERVICE_PID + "=" + pid + ")"));
    }

    private static <T> T require(T service, String what) {
        if (service == null) {
            throw new IllegalStateException(what + " is not running");
        }
        return service;
    }
}
