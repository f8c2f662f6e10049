package org.virtlockd.lockspace.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.virtlockd.api.LockException;
import org.virtlockd.api.LockFlag;
import org.virtlockd.api.ResourceInfo;
import org.virtlockd.filelock.FileLocks;
import org.virtlockd.filelock.LockedFile;

/**
 * One held resource: its lock, the flags of its first acquirer, and its owners as a multiset kept
 * in acquisition order (libvirt's {@code virLockSpaceResource}).
 */
final class Resource {

    private final String name;
    private final LockedFile file;
    private final Set<LockFlag> flags;
    private final List<Long> owners = new ArrayList<>();
    private final Instant acquiredAt;

    Resource(String name, LockedFile file, Set<LockFlag> flags, long firstOwner, Instant acquiredAt) {
        this.name = name;
        this.file = file;
        this.flags = Set.copyOf(flags);
        this.acquiredAt = acquiredAt;
        owners.add(firstOwner);
    }

    /** A resource taken over across a re-exec, with its owners in their saved order. */
    Resource(String name, LockedFile file, Set<LockFlag> flags, List<Long> allOwners, Instant acquiredAt) {
        this.name = name;
        this.file = file;
        this.flags = Set.copyOf(flags);
        this.acquiredAt = acquiredAt;
        owners.addAll(allOwners);
    }

    String name() {
        return name;
    }

    LockedFile file() {
        return file;
    }

    Set<LockFlag> flags() {
        return flags;
    }

    /** @return the owners in acquisition order, a pid once per acquisition */
    List<Long> owners() {
        return owners;
    }

    boolean shared() {
        return flags.contains(LockFlag.SHARED);
    }

    boolean autocreate() {
        return flags.contains(LockFlag.AUTOCREATE);
    }

    void addOwner(long owner) {
        owners.add(owner);
    }

    /** Removes the first occurrence of the owner; @return whether it was listed. */
    boolean removeOwner(long owner) {
        return owners.remove(Long.valueOf(owner));
    }

    boolean hasOwners() {
        return !owners.isEmpty();
    }

    ResourceInfo info(String lockspace) {
        return new ResourceInfo(lockspace, name, file.path(), flags, owners, file.fd(), acquiredAt);
    }

    /**
     * Unlocks the resource once nobody owns it. An autocreated file is deleted first: an exclusive
     * one directly, a shared one only if the lock can be upgraded (no one else, e.g. on another
     * host, still shares it). Deletion problems are only logged; the descriptor is always closed.
     */
    void free(FileLocks files, ModelLog log) {
        try {
            if (autocreate()) {
                if (!shared() || files.tryUpgrade(file)) {
                    unlinkLogged(files, log);
                } else {
                    log.debug("Could not upgrade shared lease to exclusive, not deleting " + file.path());
                }
            }
        } finally {
            files.close(file);
        }
    }

    private void unlinkLogged(FileLocks files, ModelLog log) {
        try {
            files.unlink(file.path());
        } catch (LockException e) {
            log.warn("Failed to unlink resource " + file.path() + ": " + (e.isSystemError() ? e.strerror() : e.detail()));
        }
    }
}
