package org.virtlockd.lockprogram.internal;

import static org.virtlockd.protocol.LockProcedure.ACQUIRE_RESOURCE;
import static org.virtlockd.protocol.LockProcedure.CREATE_LOCKSPACE;
import static org.virtlockd.protocol.LockProcedure.CREATE_RESOURCE;
import static org.virtlockd.protocol.LockProcedure.DELETE_RESOURCE;
import static org.virtlockd.protocol.LockProcedure.NEW;
import static org.virtlockd.protocol.LockProcedure.REGISTER;
import static org.virtlockd.protocol.LockProcedure.RELEASE_RESOURCE;
import static org.virtlockd.protocol.LockProcedure.RESTRICT;

import java.util.EnumSet;
import java.util.Set;

import org.virtlockd.api.LockFlag;
import org.virtlockd.api.LockSpaces;
import org.virtlockd.protocol.CreateLockspaceArgs;
import org.virtlockd.protocol.LockProtocol;
import org.virtlockd.protocol.NewArgs;
import org.virtlockd.protocol.Owner;
import org.virtlockd.protocol.RegisterArgs;
import org.virtlockd.protocol.ResourceArgs;
import org.virtlockd.protocol.RestrictArgs;

/**
 * The eight procedures of libvirt's {@code lock_daemon_dispatch.c}. Each is: guard, map flags, call the
 * model. Failures leave as {@link Refused} (guards) or {@link org.virtlockd.api.LockException} (model);
 * the caller maps both. Owners of ACQUIRE and RELEASE are the connection's registered pid, never the
 * peer's.
 */
final class LockHandlers {

    private final LockSpaces lockSpaces;
    private final Guards guards;
    private final DispatchLog log;

    LockHandlers(LockSpaces lockSpaces, DispatchLog log) {
        this.lockSpaces = lockSpaces;
        this.guards = new Guards(lockSpaces);
        this.log = log;
    }

    /** 1: records the owner; id 0 is refused with the "not registered" text; a second one replaces. */
    void register(ClientState client, RegisterArgs args) {
        guards.check(REGISTER, args.flags(), client);
        Owner owner = args.owner();
        if (owner.id() == 0) {
            throw new Refused(WireErrors.notRegistered());
        }
        client.register(owner);
        log.debug(() -> "ownerName=" + owner.name() + " ownerId=" + owner.id() + " ownerPid=" + owner.pid());
    }

    /** 2: forbids every further lock procedure on the connection. */
    void restrict(ClientState client, RestrictArgs args) {
        guards.check(RESTRICT, args.flags(), client);
        client.restrict();
    }

    /** 3: the model refuses {@code ""} (55/7) and known paths (1/7). */
    void newLockspace(ClientState client, NewArgs args) {
        guards.check(NEW, args.flags(), client);
        lockSpaces.newLockspace(args.path());
    }

    void createResource(ClientState client, ResourceArgs args) {
        guards.checkResource(CREATE_RESOURCE, args.flags(), client, args.path());
        lockSpaces.createResource(args.path(), args.name());
    }

    void deleteResource(ClientState client, ResourceArgs args) {
        guards.checkResource(DELETE_RESOURCE, args.flags(), client, args.path());
        lockSpaces.deleteResource(args.path(), args.name());
    }

    void acquire(ClientState client, ResourceArgs args) {
        guards.checkResource(ACQUIRE_RESOURCE, args.flags(), client, args.path());
        lockSpaces.acquire(args.path(), args.name(), client.ownerPid(), acquireFlags(args.flags()));
    }

    void release(ClientState client, ResourceArgs args) {
        guards.checkResource(RELEASE_RESOURCE, args.flags(), client, args.path());
        lockSpaces.release(args.path(), args.name(), client.ownerPid());
    }

    /** 8: no registration needed; idempotent, {@code ""} included. */
    void createLockspace(ClientState client, CreateLockspaceArgs args) {
        guards.check(CREATE_LOCKSPACE, 0, client);
        lockSpaces.createLockspace(args.path());
    }

    /** The wire's acquire bits (already checked against the allowed ones) as the model's flags. */
    private static Set<LockFlag> acquireFlags(int wire) {
        Set<LockFlag> flags = EnumSet.noneOf(LockFlag.class);
        if ((wire & LockProtocol.FLAG_SHARED) != 0) {
            flags.add(LockFlag.SHARED);
        }
        if ((wire & LockProtocol.FLAG_AUTOCREATE) != 0) {
            flags.add(LockFlag.AUTOCREATE);
        }
        return flags;
    }
}
