package org.virtlockd.shell.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.virtlockd.api.LockFlag;
import org.virtlockd.api.LockSpaces;
import org.virtlockd.api.LockspaceInfo;
import org.virtlockd.api.ResourceInfo;

/** Lockspaces as fixed data: only the read methods the commands use work. */
final class FakeLockSpaces implements LockSpaces {

    private final Map<String, List<ResourceInfo>> spaces = new LinkedHashMap<>();

    FakeLockSpaces() {
        spaces.put("", new ArrayList<>());
    }

    FakeLockSpaces add(ResourceInfo resource) {
        spaces.computeIfAbsent(resource.lockspace(), k -> new ArrayList<>()).add(resource);
        return this;
    }

    FakeLockSpaces lockspace(String path) {
        spaces.putIfAbsent(path, new ArrayList<>());
        return this;
    }

    @Override
    public boolean exists(String lockspace) {
        return spaces.containsKey(lockspace);
    }

    @Override
    public List<LockspaceInfo> lockspaces() {
        return spaces.entrySet().stream().map(e -> new LockspaceInfo(e.getKey(), e.getValue().size())).toList();
    }

    @Override
    public List<ResourceInfo> resources(String lockspace) {
        return List.copyOf(spaces.get(lockspace));
    }

    @Override
    public void createLockspace(String path) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void newLockspace(String path) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void createResource(String lockspace, String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void deleteResource(String lockspace, String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void acquire(String lockspace, String name, long ownerPid, Set<LockFlag> flags) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void release(String lockspace, String name, long ownerPid) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean releaseAll(long ownerPid) {
        throw new UnsupportedOperationException();
    }
}
