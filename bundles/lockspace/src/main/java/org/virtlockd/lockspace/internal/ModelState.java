package org.virtlockd.lockspace.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.virtlockd.api.LockException;
import org.virtlockd.api.LockFlag;
import org.virtlockd.filelock.FileLocks;
import org.virtlockd.filelock.LockedFile;
import org.virtlockd.launch.StateValues;

/**
 * The lockspaces in the re-exec state document (spec 6.12): {@code defaultLockspace} (no directory) and the
 * {@code lockspaces} array, each with its resources ({@code name}, {@code path}, {@code fd},
 * {@code lockHeld}, {@code flags} as the protocol's bits, {@code owners} in order).
 */
final class ModelState {

    static final String DEFAULT_LOCKSPACE = "defaultLockspace";
    static final String LOCKSPACES = "lockspaces";

    private ModelState() {
    }

    static Map<String, Object> lockspace(Lockspace lockspace, Set<Integer> keep) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (!lockspace.directory().isEmpty()) {
            json.put("directory", lockspace.directory());
        }
        List<Object> resources = new ArrayList<>();
        for (Resource r : lockspace.held()) {
            Map<String, Object> res = new LinkedHashMap<>();
            res.put("name", r.name());
            res.put("path", r.file().path());
            res.put("fd", r.file().fd());
            res.put("lockHeld", true);
            res.put("flags", LockFlag.toBits(r.flags()));
            res.put("owners", List.copyOf(r.owners()));
            resources.add(res);
            keep.add(r.file().fd());
        }
        json.put("resources", resources);
        return json;
    }

    /**
     * Rebuilds one lockspace's resources from their inherited descriptors. A resource whose descriptor is
     * not open any more is reported and left out (its lock is gone already); the others are restored.
     */
    static void restoreResources(Lockspace target, Map<String, Object> json, FileLocks files, ModelLog log,
                                 Instant now) {
        for (Object element : StateValues.array(json, "resources").orElse(List.of())) {
            Map<String, Object> res = StateValues.element(element, "resource");
            String name = StateValues.requiredString(res, "name");
            String path = StateValues.requiredString(res, "path");
            int fd = (int) StateValues.requiredInteger(res, "fd");
            Set<LockFlag> flags = LockFlag.fromBits((int) StateValues.integer(res, "flags").orElse(0L).longValue());
            List<Long> owners = new ArrayList<>();
            for (Object o : StateValues.array(res, "owners").orElse(List.of())) {
                owners.add(Owners.normalise(StateValues.asLong(o, "owners")));
            }
            LockedFile file;
            try {
                file = files.adopt(fd, path, flags.contains(LockFlag.SHARED));
            } catch (LockException e) {
                log.warn("Dropping resource " + path + " from the restart state: " + e.getMessage());
                continue;
            }
            if (owners.isEmpty()) {
                log.warn("Resource " + path + " in the restart state has no owners: releasing it");
                files.close(file);
                continue;
            }
            target.adopt(new Resource(name, file, flags, owners, now));
        }
    }
}
