package org.virtlockd.api;

import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The in-process lock manager: the lock protocol's operations for embedders, on the same lockspaces, the
 * same rules and the same files as the {@code virtlockd} socket (the lock program and this service both
 * act on {@link LockSpaces}).
 *
 * <p>The service is registered with bundle scope: every using bundle gets its own service object, which
 * remembers the leases taken through it. When that bundle ungets the service, or stops, every lease it
 * still holds is released, as if its owners had released them one by one; leases taken through other
 * bundles or the socket stay. Errors are {@link LockException}s with libvirt's code, domain and text, the
 * same the socket reports; an owner that is not {@linkplain LockOwner#registered() registered} is refused
 * with code {@link LibvirtErrors#ERR_OPERATION_INVALID}, domain {@link LibvirtErrors#FROM_RPC},
 * {@code lock owner details have not been registered}. Lockspace keys and names follow
 * {@link LockSpaces}' conventions. All methods are thread-safe.
 */
@ProviderType
public interface LockManager {

    /**
     * @param path a lockspace key
     * @return whether the lockspace exists; always true for {@code ""}
     */
    boolean lockspaceExists(String path);

    /**
     * CREATE_LOCKSPACE: idempotent; see {@link LockSpaces#createLockspace(String)}.
     *
     * @param path the lockspace directory, the key exactly as given
     */
    void createLockspace(String path);

    /**
     * NEW: see {@link LockSpaces#newLockspace(String)}.
     *
     * @param path the lockspace directory, the key exactly as given
     */
    void newLockspace(String path);

    /**
     * CREATE_RESOURCE: see {@link LockSpaces#createResource(String, String)}.
     *
     * @param lockspace the lockspace key
     * @param name the resource name
     */
    void createResource(String lockspace, String name);

    /**
     * DELETE_RESOURCE: see {@link LockSpaces#deleteResource(String, String)}.
     *
     * @param lockspace the lockspace key
     * @param name the resource name
     */
    void deleteResource(String lockspace, String name);

    /**
     * ACQUIRE_RESOURCE for the owner: exclusive unless {@link LockFlag#SHARED}; a shared request joins a
     * shared holder; {@link LockFlag#AUTOCREATE} creates the file and deletes it after the last release.
     *
     * @param owner a registered owner
     * @param lockspace the lockspace key
     * @param name the resource name
     * @param flags the acquire flags, possibly none
     * @return the lease, also listed by {@link #leases()} until released
     * @throws LockException code 87 domain 51 {@code Lockspace resource '<name>' is locked}, the
     *     lockspace and registration errors described above, or a system error
     */
    Lease acquire(LockOwner owner, String lockspace, String name, Set<LockFlag> flags);

    /**
     * RELEASE_RESOURCE for the owner: removes one occurrence of its pid from the resource.
     *
     * @param owner a registered owner
     * @param lockspace the lockspace key
     * @param name the resource name
     * @throws LockException code 87 domain 51 if the resource is not locked; code 1 domain 51
     *     {@code owner <pid> does not hold the resource lock}
     */
    void release(LockOwner owner, String lockspace, String name);

    /**
     * Releases everything the owner's pid holds, in every lockspace, whoever acquired it (step 1 of the
     * holder rule, without any signal).
     *
     * @param owner a registered owner
     * @return whether the owner held anything
     */
    boolean releaseAll(LockOwner owner);

    /** @return the leases taken through this service object and not yet released, oldest first */
    List<Lease> leases();
}
