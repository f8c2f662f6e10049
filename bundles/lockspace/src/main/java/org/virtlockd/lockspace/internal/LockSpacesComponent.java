package org.virtlockd.lockspace.internal;

import java.time.Clock;
import java.util.List;
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

/**
 * The {@link LockSpaces} service: the {@link LockModel} on the {@link FileLocks} backend. It has no
 * configuration and only a dynamic log reference, and it is immediate (SCR never deactivates it
 * for lack of users), so nothing but stopping it drops its locks; when it stops, it frees every
 * resource as libvirt does at shutdown (autocreated files are deleted).
 */
@Component(service = LockSpaces.class, immediate = true)
public final class LockSpacesComponent implements LockSpaces {

    @Reference(service = LoggerFactory.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC)
    private volatile LoggerFactory loggerFactory;

    private final ModelLog log = new OsgiModelLog("util.lockspace", () -> loggerFactory);
    private final LockModel model;

    /** @param files the backend holding the locks */
    @Activate
    public LockSpacesComponent(@Reference(name = "files") FileLocks files) {
        model = new LockModel(files, log, Clock.systemUTC());
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
