package org.virtlockd.itests.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.virtlockd.itests.osgi.Owners.owner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.virtlockd.api.LockException;
import org.virtlockd.api.LockFlag;
import org.virtlockd.api.LockManager;
import org.virtlockd.api.LockSpaces;
import org.virtlockd.client.LockClient;
import org.virtlockd.transport.RpcProgram;
import org.virtlockd.transport.Servers;

/**
 * Configuration through Config Admin only, without our launcher: no transport configuration means no
 * socket and an in-process lock manager; a transport configuration opens the sockets; updates of the
 * transport and logging PIDs at runtime keep every lease, socket lock and connected client.
 */
class ConfigAdminRuntimeTest {

    /** An owner registered over the socket; its pid is no process, so the holder rule never fires. */
    private static final long SOCKET_OWNER_PID = Owners.FIRST_PID + 500;

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    ConfigurationAdmin configAdmin;

    @InjectService(timeout = 10_000)
    LockManager manager;

    @InjectService(timeout = 10_000)
    LockSpaces lockSpaces;

    @TempDir
    Path tmp;

    @AfterEach
    void cleanUp() throws Exception {
        for (String pid : List.of("org.virtlockd.transport", "org.virtlockd.logging")) {
            Configuration config = configAdmin.getConfiguration(pid, "?");
            if (config.getProperties() != null) {
                config.delete();
            }
        }
        Await.until("the transport gone", () -> context.getServiceReference(Servers.class) == null);
        manager.releaseAll(owner(1));
        lockSpaces.releaseAll(SOCKET_OWNER_PID);
    }

    @Test
    void withoutTransportConfigurationTheManagerWorksWithoutSockets() throws Exception {
        assertNull(context.getServiceReference(Servers.class), "no transport configuration, no servers");
        String ls = tmp.toString();
        manager.createLockspace(ls);
        manager.acquire(owner(1), ls, "in-process", EnumSet.of(LockFlag.AUTOCREATE));
        assertEquals("WRITE", FcntlState.ofThisProcess(tmp.resolve("in-process")));
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(tmp.resolve("in-process")), files.toList(), "no socket file anywhere here");
        }
    }

    @Test
    void updatesAtRuntimeKeepLeasesSocketLocksAndClients() throws Exception {
        Path lockSocket = tmp.resolve("run/virtlockd-sock");
        Path adminSocket = tmp.resolve("run/virtlockd-admin-sock");
        Configuration transport = configAdmin.getConfiguration("org.virtlockd.transport", "?");
        transport.update(transportProperties(lockSocket, adminSocket, 20));
        Await.until("the servers", () -> servers() != null);
        Await.until("the lock program on the lock server",
                () -> context.getServiceReference(RpcProgram.class) != null && Files.exists(lockSocket));
        ServiceReference<Servers> serversBefore = context.getServiceReference(Servers.class);

        String ls = tmp.resolve("ls").toString();
        manager.createLockspace(ls);
        manager.acquire(owner(1), ls, "service-lease", EnumSet.of(LockFlag.AUTOCREATE));
        try (LockClient client = LockClient.connect(lockSocket)) {
            client.register(new UUID(1, 2), "socket-guest", 7, SOCKET_OWNER_PID);
            client.acquire(ls, "socket-lease", false, true);
            assertEquals("WRITE", FcntlState.ofThisProcess(Path.of(ls, "socket-lease")));

            transport.update(transportProperties(lockSocket, adminSocket, 33));
            Configuration logging = configAdmin.getConfiguration("org.virtlockd.logging", "?");
            Dictionary<String, Object> levels = new Hashtable<>();
            levels.put("logLevel", 4);
            levels.put("logFilters", "1:rpc 4:lockspace");
            logging.update(levels);
            Await.until("the new client limit", () -> servers().server(RpcProgram.LOCK_SERVER).get().maxClients() == 33);

            assertEquals(serversBefore, context.getServiceReference(Servers.class), "the transport was not restarted");
            assertEquals(1, servers().server(RpcProgram.LOCK_SERVER).get().clients().size(), "the client is still there");
            client.ping();
            client.acquire(ls, "after-update", false, true);
            assertEquals("WRITE", FcntlState.ofThisProcess(Path.of(ls, "socket-lease")));
            assertEquals("WRITE", FcntlState.ofThisProcess(Path.of(ls, "service-lease")));
            assertEquals(3, lockSpaces.resources(ls).size());
            LockException busy = assertThrows(LockException.class,
                    () -> manager.acquire(owner(2), ls, "socket-lease", EnumSet.of(LockFlag.AUTOCREATE)));
            assertEquals("Lockspace resource 'socket-lease' is locked", busy.detail());
            client.release(ls, "after-update");
        }
        transport.delete();
        Await.until("the sockets closed", () -> servers() == null && !Files.exists(lockSocket));
        assertEquals(2, lockSpaces.resources(ls).size(), "a non-holder client's locks outlive its connection");
        assertFalse(manager.leases().isEmpty(), "the in-process lease outlives the transport");
    }

    private Servers servers() {
        ServiceReference<Servers> ref = context.getServiceReference(Servers.class);
        return ref == null ? null : context.getService(ref);
    }

    private static Dictionary<String, Object> transportProperties(Path lockSocket, Path adminSocket, int maxClients) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("lockSocket", lockSocket.toString());
        props.put("adminSocket", adminSocket.toString());
        props.put("maxClients", maxClients);
        props.put("adminMaxClients", 5);
        return props;
    }
}
