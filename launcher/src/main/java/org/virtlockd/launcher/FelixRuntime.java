package org.virtlockd.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.virtlockd.launch.DaemonControl;
import org.virtlockd.launch.LaunchContext;

/**
 * Apache Felix embedded through the framework factory: one bundle cache per instance under the run
 * directory, the launch services registered by the system bundle, every bundle of {@code bundles/}
 * installed by reference and started at the start level {@code conf/framework.properties} gives its symbolic
 * name ({@value #START_LEVEL_PREFIX}{@code <name>}, else {@code felix.startlevel.bundle}). The framework stops
 * bundles from the highest level down: the transport (highest) closes its listeners and clients first, so
 * the lock program and the lockspace, still running, apply the holder rule to every session.
 */
final class FelixRuntime {

    /** How long an orderly stop may take, as libvirt's daemon shutdown (30 s). */
    static final long STOP_TIMEOUT_MILLIS = 30_000;
    static final String CACHE_DIRECTORY = "virtlockd-felix-cache";
    /** Framework property prefix naming a bundle's start level by symbolic name. */
    static final String START_LEVEL_PREFIX = "virtlockd.startlevel.";
    /** Felix SCR keeps the parsed component descriptions in the bundle cache. */
    static final String SCR_CACHE_METADATA = "ds.cache.metadata";

    private final Framework framework;

    private FelixRuntime(Framework framework) {
        this.framework = framework;
    }

    static FelixRuntime start(Path home, LaunchContext launch, DaemonControl control) throws IOException, BundleException {
        Map<String, String> props = new HashMap<>(frameworkProperties(home.resolve("conf/framework.properties")));
        Path cache = launch.runDirectory().resolve(CACHE_DIRECTORY);
        props.put(Constants.FRAMEWORK_STORAGE, cache.toString());
        // A fresh start begins with an empty cache; a re-exec reuses the cache of the image before it (installed
        // bundles, SCR's parsed component descriptions) when it was made for exactly the same bundle files.
        String fingerprint = BundleCache.fingerprint(home.resolve("bundles"));
        boolean reuse = launch.restartState().isPresent() && BundleCache.matches(cache, fingerprint);
        if (!reuse) {
            props.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        }
        props.putIfAbsent(SCR_CACHE_METADATA, "true");
        props.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, SystemPackages.exportsOf(home.resolve("lib")));
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"));
        Log.info("main", "start-up: framework properties after " + Log.sinceStart() + " ms");
        Framework framework = factory.newFramework(props);
        framework.init();
        if (!reuse) {
            BundleCache.record(cache, fingerprint); // a reused cache holds this very fingerprint already
        }
        Log.info("main", "start-up: framework initialised after " + Log.sinceStart() + " ms");
        BundleContext context = framework.getBundleContext();
        context.registerService(LaunchContext.class, launch, null);
        context.registerService(DaemonControl.class, control, null);
        List<Bundle> installed = new ArrayList<>();
        try (Stream<Path> jars = Files.list(home.resolve("bundles"))) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                installed.add(context.installBundle("reference:" + jar.toUri()));
            }
        }
        Log.info("main", "start-up: bundles installed after " + Log.sinceStart() + " ms");
        if (launch.verbose()) {
            context.addBundleListener((org.osgi.framework.SynchronousBundleListener) e -> {
                if (e.getType() == org.osgi.framework.BundleEvent.STARTED) {
                    Log.info("main", "start-up: " + e.getBundle().getSymbolicName() + " started after " + Log.sinceStart() + " ms");
                }
            });
        }
        // Marked started here, started by the framework level by level when it starts.
        for (Bundle bundle : installed) {
            String level = props.get(START_LEVEL_PREFIX + bundle.getSymbolicName());
            if (level != null) {
                bundle.adapt(BundleStartLevel.class).setStartLevel(Integer.parseInt(level.trim()));
            }
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                bundle.start();
            }
        }
        framework.start();
        for (Bundle bundle : installed) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null && bundle.getState() != Bundle.ACTIVE) {
                throw new BundleException("bundle " + bundle.getSymbolicName() + " did not start (state "
                        + bundle.getState() + ")");
            }
        }
        watchForStop(framework, control);
        return new FelixRuntime(framework);
    }

    /**
     * A framework stopped from inside (for example {@code felix:stop 0} in the shell) leaves no sockets:
     * the daemon then shuts down as on SIGTERM instead of idling without them.
     */
    private static void watchForStop(Framework framework, DaemonControl control) {
        Thread watcher = new Thread(() -> {
            try {
                framework.waitForStop(0);
                control.shutdown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "virtlockd-framework-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static Map<String, String> frameworkProperties(Path file) throws IOException {
        Map<String, String> map = new HashMap<>();
        if (Files.isRegularFile(file)) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            }
            p.stringPropertyNames().forEach(k -> map.put(k, p.getProperty(k)));
        }
        return map;
    }

    /** @return the system bundle's context */
    BundleContext context() {
        return framework.getBundleContext();
    }

    /** @return the framework's bundles, the system bundle first */
    List<Bundle> bundles() {
        return List.of(framework.getBundleContext().getBundles());
    }

    /** Stops every bundle in order (components deactivate, sockets close) and waits for the framework. */
    void stop() throws BundleException, InterruptedException {
        framework.stop();
        framework.waitForStop(STOP_TIMEOUT_MILLIS);
    }
}
