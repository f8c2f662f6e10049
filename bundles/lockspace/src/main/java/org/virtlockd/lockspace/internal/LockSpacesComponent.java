package org.virtlockd.lockspace.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.LoggerFactory;
import org.virtlockd.api.LockFlag;
import org.virtlockd.api.LockSpaces;
import org.virtlockd.api.LockspaceInfo;
import org.virtlockd.api.ResourceInfo;
import org.virtlockd.filelock.FileLocks;
import org.virtlockd.launch.DaemonControl;
import org.virtlockd.launch.ExitStatus;
import org.virtlockd.launch.LaunchContext;
import org.virtlockd.launch.RestartParticipant;

/**
 * The {@link LockSpaces} service: the {@link LockModel} on the {@link FileLocks} backend. It has no
 * configuration and only a dynamic log reference, and it is immediate (SCR never deactivates it
 * for lack of users), so nothing but stopping it drops its locks; when it stops, it frees every
 * resource as libvirt does at shutdown (autocreated files are deleted).
 *
 * <p>Across a re-exec (spec 6.12) it is a {@link RestartParticipant}: it saves every held resource with its
 * descriptor, and after the exec takes them over again from {@link LaunchContext#restartState()} when it
 * activates, before any client can be served.
 */
@Component(service = {LockSpaces.class, RestartParticipant.class}, immediate = true,
        property = RestartParticipant.ORDER + ":Integer=" + RestartParticipant.ORDER_MODEL)
public final class LockSpacesComponent implements LockSpaces, RestartParticipant {

    @Reference(service = LoggerFactory.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC)
    private volatile LoggerFactory loggerFactory;

    private final ModelLog log = new OsgiModelLog("util.lockspace", () -> loggerFactory);
    private final LockModel model;

    /**
     * @param files the backend holding the locks
     * @param launch the launcher's facts, absent outside the virtlockd launcher
     * @param control the launcher's process control, absent outside the virtlockd launcher
     */
    @Activate
    public LockSpacesComponent(@Reference(name = "files") FileLocks files,
                               @Reference(name = "launch", cardinality = ReferenceCardinality.OPTIONAL) LaunchContext launch,
                               @Reference(name = "control", cardinality = ReferenceCardinality.OPTIONAL) DaemonControl control) {
        model = new LockModel(files, log, Clock.systemUTC());
        Map<String, Object> state = launch == null ? null : launch.restartState().orElse(null);
        if (state != null) {
            try {
                model.restore(state);
            } catch (IllegalArgumentException e) {
                // libvirt exits with 3 on a state it cannot restore; so do we, rather than serve without the model
                if (control != null) {
                    control.fail(ExitStatus.INIT, "Cannot restore the lockspaces from the restart state: " + e.getMessage());
                }
                throw e;
            }
            log.debug("Restored " + model.lockspaces().stream().mapToInt(l -> l.resources()).sum()
                    + " resources from the restart state");
        }
    }

    /**
     * Outside any launcher and outside a framework: a fresh model.
     *
     * @param files the backend holding the locks
     */
    public LockSpacesComponent(FileLocks files) {
        this(files, null, null);
    }

    @Override
    public void freeze() {
        model.freeze();
    }

    @Override
    public Map<String, Object> save(Set<Integer> keep) {
        return model.save(keep);
    }

    @Override
    public void resume() {
        model.resume();
    }

    @Deactivate
    void deactivate() {
        log.debug("Lock service stopping: freed " + model.freeAll() + " resources");
    }

    @Override
    public boolean exists(String lockspace) {
        return model.exists(lockspace);
    }

    @Override
    public void createLockspace(String path) {
        model.createLockspace(path);
    }

    @Override
    public void newLockspace(String path) {
        model.newLockspace(path);
    }

    @Override
    public void createResource(String lockspace, String name) {
        model.createResource(lockspace, name);
    }

    @Override
    public void deleteResource(String lockspace, String name) {
        model.deleteResource(lockspace, name);
    }

    @Override
    public void acquire(String lockspace, String name, long ownerPid, Set<LockFlag> flags) {
        model.acquire(lockspace, name, ownerPid, flags);
    }

    @Override
    public void release(String lockspace, String name, long ownerPid) {
        model.release(lockspace, name, ownerPid);
    }

    @Override
    public boolean releaseAll(long ownerPid) {
        return model.releaseAll(ownerPid);
    }

    @Override
    public List<LockspaceInfo> lockspaces() {
        return model.lockspaces();
    }

    @Override
    public List<ResourceInfo> resources(String lockspace) {
        return model.resources(lockspace);
    }
}
