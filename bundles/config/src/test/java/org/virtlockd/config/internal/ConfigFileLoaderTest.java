package org.virtlockd.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.virtlockd.launch.DaemonControl;
import org.virtlockd.launch.ExitStatus;
import org.virtlockd.launch.LaunchContext;

/** The loader's start-up step against a small in-memory Config Admin, without a framework. */
class ConfigFileLoaderTest {
    @TempDir
    Path dir;

    private final FakeConfigAdmin cm = new FakeConfigAdmin();
    private final List<String> failures = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final DaemonControl control = new DaemonControl() {
        @Override
        public void ready() {
            failures.add("unexpected ready");
        }

        @Override
        public void fail(ExitStatus status, String message) {
            failures.add(status + " " + message);
        }

        @Override
        public void shutdown() {
            failures.add("unexpected shutdown");
        }
    };

    @Test
    void publishesBothPidsWithTypedValues() throws IOException {
        Path file = write("max_clients = 20\nlog_outputs = \"1:stderr\"\nbogus = 1\n");
        assertTrue(load(file, true, true));
        assertEquals(List.of(), failures);
        assertEquals(Map.of("maxClients", 20, "adminMaxClients", 5000, "virtlockd.configFile", file.toString()),
                cm.stored.get("org.virtlockd.transport"));
        assertEquals(Map.of("logLevel", 2, "logFilters", "", "logOutputs", "1:stderr", "verbose", true,
                "virtlockd.configFile", file.toString()), cm.stored.get("org.virtlockd.logging"));
        assertEquals(List.of("org.virtlockd.transport@?", "org.virtlockd.logging@?"), cm.requests);
        assertEquals(List.of("Unknown configuration key 'bogus' in " + file + ", ignored"), warnings);
    }

    @Test
    void unchangedFileChangesNothingAndAChangeTouchesOnlyItsPid() throws IOException {
        Path file = write("max_clients = 20\n");
        load(file, true, false);
        assertEquals(2, cm.updates);
        load(file, true, false);
        assertEquals(2, cm.updates);
        Files.writeString(file, "max_clients = 20\nlog_level = 1\n");
        load(file, true, false);
        assertEquals(3, cm.updates);
        assertEquals(1, cm.stored.get("org.virtlockd.logging").get("logLevel"));
    }

    @Test
    void badFileFailsTheLaunchAndPublishesNothing() throws IOException {
        Path file = write("max_clients = -1\n");
        assertFalse(load(file, true, false));
        assertEquals(List.of("FAILURE Can't load config file: internal error: " + file
                + ": expected an unsigned integer for 'max_clients' parameter: " + file), failures);
        assertEquals(Map.of(), cm.stored);
        assertEquals(List.of(), cm.requests);
    }

    @Test
    void configAdminErrorFailsTheLaunch() throws IOException {
        Path file = write("");
        cm.broken = true;
        assertFalse(load(file, true, false));
        assertEquals(List.of("FAILURE Can't publish configuration from " + file + ": store is broken"), failures);
    }

    private boolean load(Path file, boolean explicit, boolean verbose) {
        return ConfigFileLoader.load(launch(file, explicit, verbose), control, new ConfigPublisher(cm.proxy()),
                warnings::add);
    }

    private Path write(String content) throws IOException {
        return Files.write(dir.resolve("virtlockd.conf"), content.getBytes(StandardCharsets.UTF_8));
    }

    private static LaunchContext launch(Path file, boolean explicit, boolean verbose) {
        return (LaunchContext) Proxy.newProxyInstance(LaunchContext.class.getClassLoader(),
                new Class<?>[] {LaunchContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "configFile" -> file;
                    case "configFileExplicit" -> explicit;
                    case "verbose" -> verbose;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Config Admin with CM 1.6's updateIfDifferent semantics, only what the publisher uses. */
    static final class FakeConfigAdmin {
        final Map<String, Map<String, Object>> stored = new HashMap<>();
        final List<String> requests = new ArrayList<>();
        int updates;
        boolean broken;

        ConfigurationAdmin proxy() {
            return (ConfigurationAdmin) Proxy.newProxyInstance(ConfigurationAdmin.class.getClassLoader(),
                    new Class<?>[] {ConfigurationAdmin.class}, (p, method, args) -> {
                        if (!method.getName().equals("getConfiguration") || args.length != 2) {
                            throw new UnsupportedOperationException(method.toString());
                        }
                        requests.add(args[0] + "@" + args[1]);
                        return configuration((String) args[0]);
                    });
        }

        private Configuration configuration(String pid) {
            return (Configuration) Proxy.newProxyInstance(Configuration.class.getClassLoader(),
                    new Class<?>[] {Configuration.class}, (p, method, args) -> {
                        if (!method.getName().equals("updateIfDifferent")) {
                            throw new UnsupportedOperationException(method.toString());
                        }
                        if (broken) {
                            throw new IOException("store is broken");
                        }
                        Dictionary<?, ?> d = (Dictionary<?, ?>) args[0];
                        Map<String, Object> props = new HashMap<>();
                        for (Object key : Collections.list(d.keys())) {
                            props.put((String) key, d.get(key));
                        }
                        if (props.equals(stored.get(pid))) {
                            return false;
                        }
                        stored.put(pid, props);
                        updates++;
                        return true;
                    });
        }
    }
}
