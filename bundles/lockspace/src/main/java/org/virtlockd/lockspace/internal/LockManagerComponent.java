package org.virtlockd.lockspace.internal;

import static org.virtlockd.api.LibvirtErrors.ERR_OPERATION_INVALID;
import static org.virtlockd.api.LibvirtErrors.FROM_RPC;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.log.LoggerFactory;
import org.virtlockd.api.Lease;
import org.virtlockd.api.LockException;
import org.virtlockd.api.LockFlag;
import org.virtlockd.api.LockManager;
import org.virtlockd.api.LockOwner;
import org.virtlockd.api.LockSpaces;

/**
 * The {@link LockManager} service, one object per using bundle (bundle scope): each call goes to the one
 * {@link LockSpaces} model, so the rules are those of the lock program; the object only remembers what
 * its bundle acquired and, when SCR deactivates it because that bundle ungot the service or stopped,
 * releases what is still held.
 */
@Component(service = LockManager.class, scope = ServiceScope.BUNDLE)
public final class LockManagerComponent implements LockManager {

    /** libvirt's text for an owner with id 0, the same the lock program's guard sends. */
    static final String NOT_REGISTERED = "lock owner details have not been registered";

    @Reference(service = LoggerFactory.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC)
    private volatile LoggerFactory loggerFactory;

    private final ModelLog log = new OsgiModelLog("util.lockspace", () -> loggerFactory);
    private final LockSpaces lockSpaces;
    private final HeldLeases held = new HeldLeases();

    /** @param lockSpaces the model shared with the lock program */
    @Activate
    public LockManagerComponent(@Reference(name = "lockSpaces") LockSpaces lockSpaces) {
        this.lockSpaces = lockSpaces;
    }

    /** Releases what the using bundle still holds; a lease someone else released already is skipped. */
    @Deactivate
    void deactivate() {
        for (Lease lease : held.drain()) {
            try {
                lockSpaces.release(lease.lockspace(), lease.name(), lease.owner().pid());
            } catch (LockException e) {
                log.debug("Lease " + lease.lockspace() + " " + lease.name() + " already gone: " + e.getMessage());
            }
        }
    }

    @Override
    public boolean lockspaceExists(String path) {
        return lockSpaces.exists(path);
    }

    @Override
    public void createLockspace(String path) {
        lockSpaces.createLockspace(path);
    }

    @Override
    public void newLockspace(String path) {
        lockSpaces.newLockspace(path);
    }

    @Override
    public void createResource(String lockspace, String name) {
        lockSpaces.createResource(lockspace, name);
    }

    @Override
    public void deleteResource(String lockspace, String name) {
        lockSpaces.deleteResource(lockspace, name);
    }

    @Override
    public Lease acquire(LockOwner owner, String lockspace, String name, Set<LockFlag> flags) {
        Lease lease = new Lease(registered(owner), lockspace, name, flags);
        // One monitor for the model call and the record, so that a concurrent deactivate sees both or neither.
        synchronized (held) {
            lockSpaces.acquire(lockspace, name, owner.pid(), lease.flags());
            held.add(lease);
        }
        return lease;
    }

    @Override
    public void release(LockOwner owner, String lockspace, String name) {
        registered(owner);
        synchronized (held) {
            lockSpaces.release(lockspace, name, owner.pid());
            held.removeOne(lockspace, name, owner.pid());
        }
    }

    @Override
    public boolean releaseAll(LockOwner owner) {
        registered(owner);
        synchronized (held) {
            boolean any = lockSpaces.releaseAll(owner.pid());
            held.removePid(owner.pid());
            return any;
        }
    }

    @Override
    public List<Lease> leases() {
        return held.snapshot();
    }

    private static LockOwner registered(LockOwner owner) {
        Objects.requireNonNull(owner, "owner");
        if (!owner.registered()) {
            throw LockException.of(ERR_OPERATION_INVALID, FROM_RPC, NOT_REGISTERED);
        }
        return owner;
    }
}
