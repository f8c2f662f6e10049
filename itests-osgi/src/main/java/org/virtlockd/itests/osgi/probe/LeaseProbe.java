package org.virtlockd.itests.osgi.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.virtlockd.api.Lease;
import org.virtlockd.api.LockException;
import org.virtlockd.api.LockFlag;
import org.virtlockd.api.LockManager;
import org.virtlockd.api.LockOwner;

/**
 * A using bundle for the tests: once configured, takes one lease through {@link LockManager} and reports
 * the outcome in a file. It never releases: the lease goes when this bundle ungets the service (component
 * deactivated, bundle stopped), which is what the tests check. Also installed into Karaf by the Karaf test.
 */
@Component(immediate = true, service = {}, configurationPid = LeaseProbe.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ProbeConfig.class)
public final class LeaseProbe {

    /** The probe's configuration PID. */
    public static final String PID = "org.virtlockd.probe";

    /**
     * @param manager the lock manager, this bundle's service object
     * @param config which lease to take
     * @throws IOException if the report cannot be written
     */
    @Activate
    public LeaseProbe(@Reference LockManager manager, ProbeConfig config) throws IOException {
        Set<LockFlag> flags = EnumSet.noneOf(LockFlag.class);
        if (config.shared()) {
            flags.add(LockFlag.SHARED);
        }
        if (config.autocreate()) {
            flags.add(LockFlag.AUTOCREATE);
        }
        LockOwner owner = new LockOwner(UUID.nameUUIDFromBytes(config.ownerName().getBytes(StandardCharsets.UTF_8)),
                config.ownerName(), config.ownerId(), config.ownerPid());
        String outcome;
        try {
            if (!config.lockspace().isEmpty()) {
                manager.createLockspace(config.lockspace());
            }
            Lease lease = manager.acquire(owner, config.lockspace(), config.resource(), flags);
            outcome = "acquired " + lease.lockspace() + " " + lease.name() + " pid " + owner.pid();
        } catch (LockException e) {
            outcome = "failed " + e.code() + "/" + e.domain() + " " + e.getMessage();
        } catch (RuntimeException | LinkageError e) {
            // reported, so that a test sees why instead of waiting for a report that never comes
            java.io.StringWriter trace = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(trace));
            outcome = "failed " + trace;
        }
        if (!config.reportFile().isEmpty()) {
            Path report = Path.of(config.reportFile());
            Path partial = report.resolveSibling(report.getFileName() + ".part");
            Files.writeString(partial, outcome + "\n");
            Files.move(partial, report, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
