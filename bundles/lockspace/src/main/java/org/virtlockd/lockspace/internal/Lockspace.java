package org.virtlockd.lockspace.internal;

import static org.virtlockd.api.LibvirtErrors.ERR_INTERNAL_ERROR;
import static org.virtlockd.api.LibvirtErrors.ERR_RESOURCE_BUSY;
import static org.virtlockd.api.LibvirtErrors.FROM_LOCKSPACE;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.virtlockd.api.LockException;
import org.virtlockd.api.LockFlag;
import org.virtlockd.api.ResourceInfo;
import org.virtlockd.filelock.FileLocks;
import org.virtlockd.filelock.LockedFile;

/**
 * One lockspace and its resource table (libvirt's {@code virLockSpace}). Not thread-safe: the
 * {@link LockModel} serialises all calls.
 */
final class Lockspace {

    private final String directory;
    private final Map<String, Resource> resources = new LinkedHashMap<>();
    private final FileLocks files;
    private final ModelLog log;
    private final Clock clock;

    /** @param directory the key and directory; {@code ""} for the default lockspace */
    Lockspace(String directory, FileLocks files, ModelLog log, Clock clock) {
        this.directory = directory;
        this.files = files;
        this.log = log;
        this.clock = clock;
    }

    String directory() {
        return directory;
    }

    /** @return {@code <directory>/<name>}, or the name itself in the default lockspace; never normalised */
    String pathOf(String name) {
        return directory.isEmpty() ? name : directory + "/" + name;
    }

    void createResource(String name) {
        refuseIfHeld(name);
        files.touch(pathOf(name));
    }

    void deleteResource(String name) {
        refuseIfHeld(name);
        files.unlink(pathOf(name));
    }

    void acquire(String name, long owner, Set<LockFlag> flags) {
        Resource held = resources.get(name);
        if (held != null) {
            if (held.shared() && flags.contains(LockFlag.SHARED)) {
                held.addOwner(owner);
                return;
            }
            throw locked(name);
        }
        LockedFile file = files.acquire(pathOf(name), name, flags.contains(LockFlag.SHARED),
                flags.contains(LockFlag.AUTOCREATE));
        resources.put(name, new Resource(name, file, flags, owner, clock.instant()));
    }

    void release(String name, long owner) {
        Resource held = resources.get(name);
        if (held == null) {
            throw LockException.of(ERR_RESOURCE_BUSY, FROM_LOCKSPACE, "Lockspace resource '" + name + "' is not locked");
        }
        if (!held.removeOwner(owner)) {
            throw LockException.of(ERR_INTERNAL_ERROR, FROM_LOCKSPACE,
                    "owner " + Owners.text(owner) + " does not hold the resource lock");
        }
        if (!held.hasOwners()) {
            resources.remove(name);
            free(held);
        }
    }

    /**
     * Removes the owner once from every resource listing it, freeing those left without owners.
     *
     * @return how many resources listed the owner, or -1 if freeing one of them failed
     */
    int releaseOwner(long owner) {
        int listed = 0;
        boolean failed = false;
        for (Iterator<Resource> it = resources.values().iterator(); it.hasNext();) {
            Resource held = it.next();
            if (held.removeOwner(owner)) {
                listed++;
                if (!held.hasOwners()) {
                    it.remove();
                    try {
                        free(held);
                    } catch (RuntimeException e) {
                        log.warn("Failed to free resource " + held.file().path() + ": " + e);
                        failed = true;
                    }
                }
            }
        }
        return failed ? -1 : listed;
    }

    /** Frees every resource, as libvirt does when the daemon shuts down. */
    void freeAll() {
        List<Resource> all = new ArrayList<>(resources.values());
        resources.clear();
        for (Resource held : all) {
            try {
                free(held);
            } catch (RuntimeException e) {
                log.warn("Failed to free resource " + held.file().path() + ": " + e);
            }
        }
    }

    List<ResourceInfo> resources() {
        List<ResourceInfo> infos = new ArrayList<>(resources.size());
        resources.values().forEach(held -> infos.add(held.info(directory)));
        return infos;
    }

    /** @return the held resources in table order */
    List<Resource> held() {
        return List.copyOf(resources.values());
    }

    /** Puts a resource taken over across a re-exec into the table. */
    void adopt(Resource resource) {
        resources.put(resource.name(), resource);
    }

    int size() {
        return resources.size();
    }

    private void free(Resource held) {
        held.free(files, log);
    }

    private void refuseIfHeld(String name) {
        if (resources.containsKey(name)) {
            throw locked(name);
        }
    }

    private static LockException locked(String name) {
        return LockException.of(ERR_RESOURCE_BUSY, FROM_LOCKSPACE, "Lockspace resource '" + name + "' is locked");
    }
}
