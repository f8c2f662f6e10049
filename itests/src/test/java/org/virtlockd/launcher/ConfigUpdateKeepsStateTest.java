package org.virtlockd.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.virtlockd.client.LockClient;
import org.virtlockd.itests.harness.Daemon;
import org.virtlockd.itests.harness.ProcLocks;
import org.virtlockd.itests.harness.Sandbox;

/**
 * DESIGN.md: components that hold descriptors are never deactivated by a configuration change. The daemon
 * runs inside this JVM (so its locks are this JVM's); a Config Admin update of the transport and logging
 * configurations must keep the client connected and the lock held.
 */
class ConfigUpdateKeepsStateTest {

    @Test
    void aConfigurationUpdateKeepsClientsAndLocks() throws Exception {
        Path home = Daemon.distribution();
        Process owner = new ProcessBuilder("/bin/sleep", "600").start();
        try (Sandbox sandbox = Sandbox.create()) {
            DaemonPaths paths = DaemonPaths.defaults(false, sandbox.environment(), sandbox.root().toString());
            Main.createDirectories(paths.runDirectory(), "rwx------");
            long uid = (Integer) Files.getAttribute(sandbox.root(), "unix:uid");
            Launch launch = new Launch(false, (int) uid, "virtlockd", List.of(), paths.configFile(), false, paths,
                    Optional.empty(), false, false, OptionalInt.empty(), Map.of(),
                    HandOver.none());
            Control control = new Control();
            FelixRuntime runtime = FelixRuntime.start(home, launch, control);
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (!control.isReady() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertTrue(control.isReady(), "serving");
                Path disk = sandbox.data().resolve("disk.img");
                Files.writeString(disk, "");
                ProcLocks.FileKey key = ProcLocks.FileKey.of(disk);
                long self = ProcessHandle.current().pid();
                BundleContext context = runtime.context();
                ServiceReference<?> serversRef = context.getServiceReference("org.virtlockd.transport.Servers");
                Object serversBefore = context.getService(serversRef);
                try (LockClient client = LockClient.connect(paths.lockSocket())) {
                    client.register(UUID.randomUUID(), "vm", 1, owner.pid());
                    client.acquire("", disk.toString(), false, false);
                    assertTrue(holds(self, key), "lock taken");

                    update(context, "org.virtlockd.transport", "maxClients", 7);
                    update(context, "org.virtlockd.logging", "logLevel", 1);
                    Thread.sleep(500);

                    client.ping();
                    assertTrue(holds(self, key), "lock kept across the configuration update");
                    assertSame(serversBefore, context.getService(context.getServiceReference("org.virtlockd.transport.Servers")),
                            "the transport component was not re-created");
                    Class<?> servers = Class.forName("org.virtlockd.transport.Servers", false, serversBefore.getClass().getClassLoader());
                    Object server = servers.getMethod("server", String.class).invoke(serversBefore, "virtlockd");
                    Object view = ((Optional<?>) server).orElseThrow();
                    Class<?> serverView = Class.forName("org.virtlockd.transport.ServerView", false, view.getClass().getClassLoader());
                    assertEquals(7, serverView.getMethod("maxClients").invoke(view), "new limit applied in place");
                    client.release("", disk.toString());
                    assertTrue(!holds(self, key), "released");
                }
            } finally {
                runtime.stop();
            }
        } finally {
            owner.destroyForcibly().waitFor();
        }
    }

    private static boolean holds(long pid, ProcLocks.FileKey key) throws Exception {
        return ProcLocks.read().stream().anyMatch(l -> l.pid() == pid && l.file().equals(key));
    }

    /** Config Admin lives in the framework; its types differ from this class path's, so go through reflection. */
    private static void update(BundleContext context, String pid, String key, Object value) throws Exception {
        Object admin = context.getService(context.getServiceReference("org.osgi.service.cm.ConfigurationAdmin"));
        Object configuration = admin.getClass().getMethod("getConfiguration", String.class, String.class).invoke(admin, pid, "?");
        Method getProperties = configuration.getClass().getMethod("getProperties");
        @SuppressWarnings("unchecked")
        Dictionary<String, Object> props = (Dictionary<String, Object>) getProperties.invoke(configuration);
        Dictionary<String, Object> next = props == null ? new Hashtable<>() : props;
        next.put(key, value);
        configuration.getClass().getMethod("update", Dictionary.class).invoke(configuration, next);
    }
}
