package org.virtlockd.itests.diff;

import static org.virtlockd.itests.diff.Expect.defaultLockspaceExists;
import static org.virtlockd.itests.diff.Expect.flags;
import static org.virtlockd.itests.diff.Expect.lockspaceExists;
import static org.virtlockd.itests.diff.Expect.noLockspace;
import static org.virtlockd.itests.diff.Expect.notADirectory;
import static org.virtlockd.itests.diff.Expect.notRegistered;
import static org.virtlockd.itests.diff.Expect.ok;
import static org.virtlockd.itests.diff.Expect.restricted;
import static org.virtlockd.itests.diff.Expect.system;
import static org.virtlockd.itests.diff.ProcedureScenarios.lockspace;
import static org.virtlockd.itests.diff.ProcedureScenarios.owner;
import static org.virtlockd.itests.diff.Req.ACQUIRE;
import static org.virtlockd.itests.diff.Req.CREATE_RESOURCE;
import static org.virtlockd.itests.diff.Req.DELETE_RESOURCE;
import static org.virtlockd.itests.diff.Req.RELEASE;
import static org.virtlockd.itests.diff.Req.createLockspace;
import static org.virtlockd.itests.diff.Req.newLockspace;
import static org.virtlockd.itests.diff.Req.register;
import static org.virtlockd.itests.diff.Req.resource;
import static org.virtlockd.itests.diff.Req.restrict;

import java.util.ArrayList;
import java.util.List;

import org.virtlockd.protocol.LockProcedure;

/** The shared guards in libvirt's order (flags, restricted, registered, lockspace) and the lockspace errors. */
final class GuardScenarios {
    /** A lockspace key nobody creates (under the scenario directory, so it is normalised). */
    private static final String MISSING = "missing";
    /** A place the test user cannot create directories in. */
    private static final String FORBIDDEN = "/var/lib/vldiff-forbidden";

    private GuardScenarios() {
    }

    static List<Scenario> all() {
        List<Scenario> all = new ArrayList<>();
        all.add(Scenario.of("flags on REGISTER", s ->
            s.open().call(register(Req.OWNER_ID, s.pid(0), 1), flags(LockProcedure.REGISTER, 1))
                    .call(resource(ACQUIRE, "", s.path("x"), 0), notRegistered())));
        all.add(Scenario.of("flags on RESTRICT", s ->
            owner(s, 0).call(restrict(0x80000000), flags(LockProcedure.RESTRICT, 0x80000000))));
        all.add(Scenario.of("flags on NEW", s ->
            owner(s, 0).call(newLockspace(s.path("ls"), 2), flags(LockProcedure.NEW, 2))
                    .call(newLockspace(s.path("ls"), 0), ok())));
        for (int proc : new int[] {CREATE_RESOURCE, DELETE_RESOURCE, RELEASE}) {
            LockProcedure p = LockProcedure.of(proc).orElseThrow();
            all.add(Scenario.of("flags on " + p, s -> {
                String ls = lockspace(s);
                owner(s, 0).call(resource(proc, ls, "r", 1), flags(p, 1)).call(resource(proc, ls, "r", 2), flags(p, 2))
                        .call(resource(proc, ls, "r", 3), flags(p, 3));
            }));
        }
        all.add(Scenario.of("flags on ACQUIRE: only SHARED and AUTOCREATE are allowed", s -> {
            String ls = lockspace(s);
            owner(s, 0).call(resource(ACQUIRE, ls, "r", 4), flags(LockProcedure.ACQUIRE_RESOURCE, 4))
                    .call(resource(ACQUIRE, ls, "r", 7), flags(LockProcedure.ACQUIRE_RESOURCE, 4))
                    .call(resource(ACQUIRE, ls, "r", -1), flags(LockProcedure.ACQUIRE_RESOURCE, 0xfffffffc));
        }));
        all.add(Scenario.of("flags are checked before registration and lockspace", s ->
            s.open().call(resource(ACQUIRE, s.path(MISSING), "r", 8), flags(LockProcedure.ACQUIRE_RESOURCE, 8))
                    .call(resource(RELEASE, s.path(MISSING), "r", 1), flags(LockProcedure.RELEASE_RESOURCE, 1))));
        all.add(Scenario.of("restricted: every procedure is refused, flags still come first", s -> {
            String ls = lockspace(s);
            owner(s, 0).call(restrict(0), ok())
                    .call(register(s.pid(1)), restricted())
                    .call(restrict(0), restricted())
                    .call(newLockspace(s.path("new"), 0), restricted())
                    .call(resource(CREATE_RESOURCE, ls, "r", 0), restricted())
                    .call(resource(DELETE_RESOURCE, ls, "r", 0), restricted())
                    .call(resource(ACQUIRE, ls, "r", 2), restricted())
                    .call(resource(RELEASE, ls, "r", 0), restricted())
                    .call(createLockspace(s.path("other")), restricted())
                    .call(createLockspace(""), restricted())
                    .call(resource(ACQUIRE, ls, "r", 4), flags(LockProcedure.ACQUIRE_RESOURCE, 4))
                    .call(register(Req.OWNER_ID, s.pid(0), 1), flags(LockProcedure.REGISTER, 1))
                    .fence();
        }));
        all.add(Scenario.of("not registered: procedures 2 to 7 are refused", s -> {
            String ls = lockspace(s);
            s.open().call(restrict(0), notRegistered())
                    .call(newLockspace(s.path("new"), 0), notRegistered())
                    .call(resource(CREATE_RESOURCE, ls, "r", 0), notRegistered())
                    .call(resource(DELETE_RESOURCE, ls, "r", 0), notRegistered())
                    .call(resource(ACQUIRE, ls, "r", 0), notRegistered())
                    .call(resource(RELEASE, ls, "r", 0), notRegistered())
                    .call(resource(ACQUIRE, s.path(MISSING), "r", 0), notRegistered());
        }));
        all.add(Scenario.of("REGISTER with id 0 is refused with the not-registered text", s ->
            s.open().call(register(0, s.pid(0), 0), notRegistered())
                    .call(resource(ACQUIRE, "", s.path("x"), 0), notRegistered())));
        all.add(Scenario.of("REGISTER with id 0 after a registration keeps the earlier owner", s -> {
            String ls = lockspace(s);
            owner(s, 0).call(register(0, s.pid(1), 0), notRegistered())
                    .call(resource(ACQUIRE, ls, "r", 2), ok());
            owner(s, 0).call(resource(RELEASE, ls, "r", 0), ok());
        }));
        all.add(Scenario.of("lockspace missing: procedures 4 to 7 are refused", s -> {
            String missing = s.path(MISSING);
            owner(s, 0).call(resource(CREATE_RESOURCE, missing, "r", 0), noLockspace(missing))
                    .call(resource(DELETE_RESOURCE, missing, "r", 0), noLockspace(missing))
                    .call(resource(ACQUIRE, missing, "r", 2), noLockspace(missing))
                    .call(resource(RELEASE, missing, "r", 0), noLockspace(missing));
        }));
        all.add(Scenario.of("NEW \"\" is refused", s -> owner(s, 0).call(newLockspace("", 0), defaultLockspaceExists())));
        all.add(Scenario.of("NEW of an existing lockspace is refused", s -> {
            String ls = s.path("ls");
            owner(s, 0).call(newLockspace(ls, 0), ok()).call(newLockspace(ls, 0), lockspaceExists(ls))
                    .call(createLockspace(ls), ok());
        }));
        all.add(Scenario.of("NEW after CREATE_LOCKSPACE is refused", s -> {
            String ls = lockspace(s);
            owner(s, 0).call(newLockspace(ls, 0), lockspaceExists(ls));
        }));
        all.add(Scenario.of("NEW needs registration", s -> s.open().call(newLockspace(s.path("ls"), 0), notRegistered())));
        all.add(Scenario.of("NEW where mkdir fails replies OK and adds no lockspace", s -> {
            String ls = FORBIDDEN + "/new";
            owner(s, 0).call(newLockspace(ls, 0), ok()).call(resource(CREATE_RESOURCE, ls, "r", 0), noLockspace(ls));
        }));
        all.add(Scenario.of("CREATE_LOCKSPACE on a regular file is refused", s -> {
            s.touch("file");
            s.open().call(createLockspace(s.path("file")), notADirectory(s.path("file")));
        }));
        all.add(Scenario.of("CREATE_LOCKSPACE where mkdir fails", s ->
            s.open().call(createLockspace(FORBIDDEN + "/ls"),
                    system("Unable to create lockspace " + FORBIDDEN + "/ls", 13, "Permission denied"))));
        all.add(Scenario.of("CREATE_LOCKSPACE under a regular file", s -> {
            s.touch("file");
            s.open().call(createLockspace(s.path("file/ls")),
                    system("Unable to create lockspace " + s.path("file/ls"), 20, "Not a directory"));
        }));
        return all;
    }
}
