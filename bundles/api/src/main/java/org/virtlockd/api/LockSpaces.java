package org.virtlockd.api;

import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * virtlockd's lockspaces: the default lockspace {@code ""} (resource names are file paths) and named
 * lockspaces keyed by the exact directory string given at creation (no normalisation: {@code /a/b}
 * and {@code /a/b/} are two lockspaces). Resource names are not sanitised either.
 *
 * <p>Lockspace keys and resource names are byte strings, as in libvirt, carried in Java strings by
 * the convention of {@link RawStrings}: valid UTF-8 as its characters, each byte of an invalid
 * sequence as the escape character {@code U+DC80..U+DCFF}. Implementations hand the file system
 * exactly {@link RawStrings#toBytes} of a path, so a name received as bytes {@code ff c3} names the
 * file with those bytes; callers holding raw bytes convert them with {@link RawStrings#fromBytes}.
 *
 * <p>Owners are pids as registered by the client (unsigned 32-bit on the wire; texts show them as
 * libvirt's {@code pid_t}). Methods taking a lockspace key fail with code
 * {@link LibvirtErrors#ERR_INTERNAL_ERROR}, domain {@link LibvirtErrors#FROM_RPC},
 * {@code Lockspace for path <path> does not exist} when it is unknown: the same error the lock
 * program's guard reports, so a caller may check {@link #exists(String)} first or rely on this.
 * All methods are thread-safe.
 */
@ProviderType
public interface LockSpaces {

    /**
     * @param lockspace a lockspace key
     * @return whether the lockspace exists; always true for {@code ""}
     */
    boolean exists(String lockspace);

    /**
     * CREATE_LOCKSPACE: does nothing if the lockspace exists (always for {@code ""}); otherwise
     * creates the directory if missing (with its parents, mode 0700) and the lockspace.
     *
     * @param path the directory, used as the key exactly as given
     * @throws LockException code 1 domain 51 if the path exists but is not a directory; a system
     *     error in domain 51 ({@code Unable to create lockspace <path>}) if it cannot be created
     */
    void createLockspace(String path);

    /**
     * NEW: creates a lockspace that must not exist yet. As in libvirt 9.0.0, a failure to create
     * the directory is logged and ignored: the call returns normally and no lockspace exists.
     *
     * @param path the directory, used as the key exactly as given
     * @throws LockException code 55 domain 7 for {@code ""}; code 1 domain 7 if it already exists
     */
    void newLockspace(String path);

    /**
     * CREATE_RESOURCE: creates the resource file (mode 0600) unless it exists.
     *
     * @param lockspace the lockspace key
     * @param name the resource name
     * @throws LockException code 87 domain 51 if this lockspace holds the resource; a system error
     *     in domain 0 ({@code cannot create file '<path>'}) if the file cannot be created
     */
    void createResource(String lockspace, String name);

    /**
     * DELETE_RESOURCE: deletes the resource file; a missing file is fine.
     *
     * @param lockspace the lockspace key
     * @param name the resource name
     * @throws LockException code 87 domain 51 if this lockspace holds the resource; a system error
     *     in domain 51 ({@code Unable to delete lockspace resource <path>}) if unlink fails
     */
    void deleteResource(String lockspace, String name);

    /**
     * ACQUIRE_RESOURCE: a shared request joins a shared entry (the owner is appended, even if already
     * listed); any other request for a held name fails. A new name is opened and locked.
     *
     * @param lockspace the lockspace key
     * @param name the resource name
     * @param ownerPid the owner's registered pid
     * @param flags {@link LockFlag#SHARED} and/or {@link LockFlag#AUTOCREATE}, possibly none
     * @throws LockException code 87 domain 51 {@code Lockspace resource '<name>' is locked}, or a
     *     system error in domain 51 if the file cannot be opened or locked
     */
    void acquire(String lockspace, String name, long ownerPid, Set<LockFlag> flags);

    /**
     * RELEASE_RESOURCE: removes one occurrence of the owner; the last owner's release unlocks the
     * file (and deletes an autocreated one, a shared one only if no one else still shares it).
     *
     * @param lockspace the lockspace key
     * @param name the resource name
     * @param ownerPid the owner's registered pid
     * @throws LockException code 87 domain 51 {@code Lockspace resource '<name>' is not locked};
     *     code 1 domain 51 {@code owner <pid> does not hold the resource lock}
     */
    void release(String lockspace, String name, long ownerPid);

    /**
     * Step 1 of the holder rule: removes the pid once from every resource of every named lockspace,
     * then of the default one, freeing resources left without owners.
     *
     * @param ownerPid the pid of the holder whose connection ended
     * @return whether any resource listed the pid (or freeing one failed)
     */
    boolean releaseAll(long ownerPid);

    /** @return every lockspace, the default one first */
    List<LockspaceInfo> lockspaces();

    /**
     * @param lockspace the lockspace key
     * @return the resources the lockspace holds
     */
    List<ResourceInfo> resources(String lockspace);
}
