package org.virtlockd.itests.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.virtlockd.api.LockFlag;
import org.virtlockd.api.LockSpaces;
import org.virtlockd.api.ResourceInfo;

/**
 * A lease belongs to the bundle that took it: when that bundle stops, or its component ungets the
 * service, the lease is released (file lock gone, autocreated file deleted), and nothing else is.
 */
class UsingBundleReleaseTest {

    private static final String PROBE_BSN = "org.virtlockd.itests-osgi";
    private static final String PROBE_PID = "org.virtlockd.probe";
    private static final long PROBE_PID_OWNER = Owners.FIRST_PID + 77;

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    LockSpaces lockSpaces;

    @InjectService(timeout = 10_000)
    ConfigurationAdmin configAdmin;

    @TempDir
    Path tmp;

    private Configuration probeConfig;

    @AfterEach
    void cleanUp() throws Exception {
        if (probeConfig != null) {
            probeConfig.delete();
        }
        probe().start();
        lockSpaces.releaseAll(PROBE_PID_OWNER);
    }

    @Test
    void stoppingTheUsingBundleReleasesItsLeases() throws Exception {
        String ls = tmp.toString();
        Path report = tmp.resolve("report");
        configureProbe(ls, report);
        Await.until("the probe's lease", () -> held(ls).size() == 1);
        // the probe writes its report after the lease is taken
        Await.until("the probe's report", () -> written(report));
        assertEquals("acquired " + ls + " disk pid " + PROBE_PID_OWNER, Files.readString(report).trim());
        assertEquals("WRITE", FcntlState.ofThisProcess(tmp.resolve("disk")));

        probe().stop();
        Await.until("released when the using bundle stopped", () -> held(ls).isEmpty());
        assertEquals("none", FcntlState.ofThisProcess(tmp.resolve("disk")));
        assertFalse(Files.exists(tmp.resolve("disk")), "the autocreated file went with the lease");

        Files.delete(report);
        probe().start();
        Await.until("the probe's lease after a restart", () -> held(ls).size() == 1);
        assertEquals("WRITE", FcntlState.ofThisProcess(tmp.resolve("disk")));
    }

    @Test
    void ungettingTheServiceReleasesOnlyThatBundlesLeases() throws Exception {
        String ls = tmp.toString();
        configureProbe(ls, tmp.resolve("report"));
        Await.until("the probe's lease", () -> held(ls).size() == 1);
        lockSpaces.acquire(ls, "other", PROBE_PID_OWNER, EnumSet.of(LockFlag.AUTOCREATE));

        probeConfig.delete(); // the probe component goes away and ungets its LockManager object
        probeConfig = null;
        Await.until("the probe's lease released", () -> held(ls).size() == 1);
        assertEquals("other", held(ls).get(0).name(), "what others took with the same pid stays");
        assertEquals("none", FcntlState.ofThisProcess(tmp.resolve("disk")));
        assertEquals("WRITE", FcntlState.ofThisProcess(tmp.resolve("other")));
    }

    private void configureProbe(String ls, Path report) throws Exception {
        probeConfig = configAdmin.getConfiguration(PROBE_PID, "?");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("lockspace", ls);
        props.put("resource", "disk");
        props.put("ownerPid", PROBE_PID_OWNER);
        props.put("reportFile", report.toString());
        probeConfig.update(props);
    }

    private List<ResourceInfo> held(String ls) {
        return lockSpaces.exists(ls) ? lockSpaces.resources(ls) : List.of();
    }

    private Bundle probe() {
        return Arrays.stream(context.getBundles()).filter(b -> PROBE_BSN.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError("no bundle " + PROBE_BSN));
    }

    private static boolean written(Path file) {
        try {
            return Files.exists(file) && !Files.readString(file).isBlank();
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
