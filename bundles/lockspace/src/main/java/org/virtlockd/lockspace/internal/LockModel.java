package org.virtlockd.lockspace.internal;

import static org.virtlockd.api.LibvirtErrors.ERR_INTERNAL_ERROR;
import static org.virtlockd.api.LibvirtErrors.ERR_OPERATION_INVALID;
import static org.virtlockd.api.LibvirtErrors.FROM_RPC;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.virtlockd.api.LockException;
import org.virtlockd.api.LockFlag;
import org.virtlockd.api.LockSpaces;
import org.virtlockd.api.LockspaceInfo;
import org.virtlockd.api.ResourceInfo;
import org.virtlockd.filelock.FileLocks;
import org.virtlockd.launch.StateValues;

/**
 * All lockspaces: the default one and the named ones keyed by their exact path string. One monitor
 * guards the whole model, as libvirt's daemon lock does; it is never held while waiting for
 * anything but the file system.
 */
final class LockModel implements LockSpaces {

    private final Lockspace defaultLockspace;
    private final Map<String, Lockspace> named = new LinkedHashMap<>();
    private final FileLocks files;
    private final ModelLog log;
    private final Clock clock;
    /** Set while a re-exec saves the model: every change waits (or dies with the exec). */
    private boolean frozen;

    LockModel(FileLocks files, ModelLog log, Clock clock) {
        this.files = Objects.requireNonNull(files, "files");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.defaultLockspace = new Lockspace("", files, log, clock);
    }

    @Override
    public synchronized boolean exists(String lockspace) {
        return lockspace.isEmpty() || named.containsKey(lockspace);
    }

    @Override
    public synchronized void createLockspace(String path) {
        awaitThawed();
        if (exists(path)) {
            return;
        }
        files.createDirectory(path);
        named.put(path, new Lockspace(path, files, log, clock));
    }

    @Override
    public synchronized void newLockspace(String path) {
        awaitThawed();
        if (path.isEmpty()) {
            throw LockException.of(ERR_OPERATION_INVALID, FROM_RPC, "the default lockspace already exists");
        }
        if (named.containsKey(path)) {
            throw LockException.of(ERR_INTERNAL_ERROR, FROM_RPC, "Lockspace for path " + path + " already exists");
        }
        try {
            files.createDirectory(path);
        } catch (LockException e) {
            // libvirt 9.0.0 ignores this failure and replies OK; the lockspace then does not exist
            log.warn(e.getMessage());
            return;
        }
        named.put(path, new Lockspace(path, files, log, clock));
    }

    @Override
    public synchronized void createResource(String lockspace, String name) {
        awaitThawed();
        find(lockspace).createResource(Objects.requireNonNull(name, "name"));
    }

    @Override
    public synchronized void deleteResource(String lockspace, String name) {
        awaitThawed();
        find(lockspace).deleteResource(Objects.requireNonNull(name, "name"));
    }

    @Override
    public synchronized void acquire(String lockspace, String name, long ownerPid, Set<LockFlag> flags) {
        awaitThawed();
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(flags, "flags");
        find(lockspace).acquire(name, Owners.normalise(ownerPid), flags);
    }

    @Override
    public synchronized void release(String lockspace, String name, long ownerPid) {
        awaitThawed();
        find(lockspace).release(Objects.requireNonNull(name, "name"), Owners.normalise(ownerPid));
    }

    @Override
    public synchronized boolean releaseAll(long ownerPid) {
        awaitThawed();
        long owner = Owners.normalise(ownerPid);
        boolean any = false;
        List<Lockspace> order = new ArrayList<>(named.values());
        order.add(defaultLockspace);
        for (Lockspace lockspace : order) {
            any |= lockspace.releaseOwner(owner) != 0;
        }
        return any;
    }

    @Override
    public synchronized List<LockspaceInfo> lockspaces() {
        List<LockspaceInfo> infos = new ArrayList<>(named.size() + 1);
        infos.add(new LockspaceInfo("", defaultLockspace.size()));
        named.values().forEach(lockspace -> infos.add(new LockspaceInfo(lockspace.directory(), lockspace.size())));
        return infos;
    }

    @Override
    public synchronized List<ResourceInfo> resources(String lockspace) {
        return find(lockspace).resources();
    }

    /**
     * Frees every resource of every lockspace, named ones first, as libvirt does at shutdown.
     *
     * @return how many resources were freed
     */
    synchronized int freeAll() {
        awaitThawed();
        int freed = defaultLockspace.size();
        for (Lockspace lockspace : named.values()) {
            freed += lockspace.size();
            lockspace.freeAll();
        }
        defaultLockspace.freeAll();
        return freed;
    }

    /** Stops every change until {@link #resume()}: a re-exec is saving the model. */
    synchronized void freeze() {
        frozen = true;
    }

    /** The re-exec was abandoned: changes go on. */
    synchronized void resume() {
        frozen = false;
        notifyAll();
    }

    private void awaitThawed() {
        boolean interrupted = false;
        while (frozen) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The model as the re-exec state's {@code defaultLockspace} and {@code lockspaces} entries.
     *
     * @param keep receives the descriptor of every held resource
     */
    synchronized Map<String, Object> save(Set<Integer> keep) {
        Map<String, Object> entries = new LinkedHashMap<>();
        entries.put(ModelState.DEFAULT_LOCKSPACE, ModelState.lockspace(defaultLockspace, keep));
        List<Object> list = new ArrayList<>();
        named.values().forEach(lockspace -> list.add(ModelState.lockspace(lockspace, keep)));
        entries.put(ModelState.LOCKSPACES, list);
        return entries;
    }

    /**
     * Takes over the lockspaces and held resources a re-exec handed over.
     *
     * @param state the whole state document
     * @throws IllegalArgumentException if the document is malformed
     */
    synchronized void restore(Map<String, Object> state) {
        StateValues.object(state, ModelState.DEFAULT_LOCKSPACE).ifPresent(json ->
                ModelState.restoreResources(defaultLockspace, json, files, log, clock.instant()));
        for (Object element : StateValues.array(state, ModelState.LOCKSPACES).orElse(List.of())) {
            Map<String, Object> json = StateValues.element(element, "lockspace");
            String directory = StateValues.string(json, "directory").orElse("");
            Lockspace target = directory.isEmpty() ? defaultLockspace
                    : named.computeIfAbsent(directory, d -> new Lockspace(d, files, log, clock));
            ModelState.restoreResources(target, json, files, log, clock.instant());
        }
    }

    private Lockspace find(String path) {
        if (path.isEmpty()) {
            return defaultLockspace;
        }
        Lockspace lockspace = named.get(path);
        if (lockspace == null) {
            throw LockException.of(ERR_INTERNAL_ERROR, FROM_RPC, "Lockspace for path " + path + " does not exist");
        }
        return lockspace;
    }
}
