package org.virtlockd.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.virtlockd.itests.harness.Daemon;
import org.virtlockd.itests.harness.Sandbox;

/**
 * In-framework test: the launcher's Felix runtime, inside this JVM, installs every bundle of the built
 * distribution; each must resolve and become ACTIVE, and the transport must serve its sockets.
 */
class DistributionBundlesTest {

    @Test
    void everyBundleOfTheDistributionResolvesAndBecomesActive() throws Exception {
        Path home = Daemon.distribution();
        try (Sandbox sandbox = Sandbox.create()) {
            DaemonPaths paths = DaemonPaths.defaults(false, sandbox.environment(), sandbox.root().toString());
            Main.createDirectories(paths.runDirectory(), "rwx------");
            Launch launch = new Launch(false, 0, "virtlockd", List.of(), paths.configFile(), false, paths,
                    Optional.empty(), false, false, OptionalInt.empty(), Map.of(),
                    HandOver.none());
            Control control = new Control();
            FelixRuntime runtime = FelixRuntime.start(home, launch, control);
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (!control.isReady() && !control.stopRequested() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertFalse(control.stopRequested(), "a bundle reported a fatal error");
                assertTrue(control.isReady(), "the transport reported readiness");
                Map<String, Integer> states = runtime.bundles().stream()
                        .collect(Collectors.toMap(Bundle::getSymbolicName, Bundle::getState));
                long installed;
                try (var jars = Files.list(home.resolve("bundles"))) {
                    installed = jars.filter(p -> p.toString().endsWith(".jar")).count();
                }
                assertEquals(installed + 1, states.size(), "system bundle plus every jar of bundles/: " + states);
                states.forEach((name, state) -> assertEquals(Bundle.ACTIVE, state, name + " is not ACTIVE"));
                Map<String, Integer> levels = runtime.bundles().stream().collect(Collectors.toMap(Bundle::getSymbolicName,
                        b -> b.adapt(org.osgi.framework.startlevel.BundleStartLevel.class).getStartLevel()));
                int transport = levels.get("org.virtlockd.transport");
                // Only the operator's tools start after the transport (and stop before it); everything its
                // sessions use stops after it, so the holder rule runs for every session at shutdown.
                java.util.Set<String> tools = java.util.Set.of("org.apache.felix.gogo.runtime", "org.apache.felix.gogo.shell",
                        "org.apache.felix.gogo.command", "org.apache.felix.metatype", "org.virtlockd.shell");
                levels.forEach((name, level) -> {
                    if (tools.contains(name)) {
                        assertTrue(level > transport, name + " starts after the lock socket: " + levels);
                    } else if (!name.equals("org.virtlockd.transport")) {
                        assertTrue(level < transport, name + " stops after the transport: " + levels);
                    }
                });
                assertTrue(Files.exists(paths.lockSocket()), "lock socket served");
                assertTrue(Files.exists(paths.adminSocket()), "admin socket served");
                while (!Files.exists(paths.shellSocket()) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertTrue(Files.exists(paths.shellSocket()), "shell socket served (Gogo runs without a console)");
            } finally {
                runtime.stop();
            }
            assertFalse(Files.exists(paths.lockSocket()), "lock socket unlinked when the framework stops");
            assertFalse(Files.exists(paths.shellSocket()), "shell socket unlinked when the framework stops");
        }
    }
}
