package org.virtlockd.itests.diff;

import static org.virtlockd.itests.diff.Expect.locked;
import static org.virtlockd.itests.diff.Expect.notOwner;
import static org.virtlockd.itests.diff.Expect.ok;
import static org.virtlockd.itests.diff.Expect.system;
import static org.virtlockd.itests.diff.Req.ACQUIRE;
import static org.virtlockd.itests.diff.Req.CREATE_RESOURCE;
import static org.virtlockd.itests.diff.Req.DELETE_RESOURCE;
import static org.virtlockd.itests.diff.Req.RELEASE;
import static org.virtlockd.itests.diff.Req.createLockspace;
import static org.virtlockd.itests.diff.Req.newLockspace;
import static org.virtlockd.itests.diff.Req.register;
import static org.virtlockd.itests.diff.Req.resource;
import static org.virtlockd.itests.diff.Req.restrict;

import java.util.List;

/** The eight procedures doing their job (spec 2.2), and resource files created and deleted (3.2, 3.6). */
final class ProcedureScenarios {
    static final int SHARED = 1;
    static final int AUTOCREATE = 2;

    private ProcedureScenarios() {
    }

    /** A connection registered with disposable pid {@code index}. */
    static Conn owner(Session s, int index) throws Exception {
        return s.open().call(register(s.pid(index)), ok());
    }

    /** Creates lockspace "ls" of the scenario and returns its key. */
    static String lockspace(Session s) throws Exception {
        String ls = s.path("ls");
        s.open().call(createLockspace(ls), ok()).close();
        return ls;
    }

    static List<Scenario> all() {
        return List.of(
            Scenario.of("REGISTER succeeds", s -> owner(s, 0)),
            Scenario.of("REGISTER with pid 0 succeeds and the owner can lock", s -> {
                String ls = lockspace(s);
                s.open().call(register(Req.OWNER_ID, 0, 0), ok()).call(resource(ACQUIRE, ls, "r", AUTOCREATE), ok())
                        .call(resource(RELEASE, ls, "r", 0), ok());
            }),
            Scenario.of("a second REGISTER replaces the owner", s -> {
                String ls = lockspace(s);
                owner(s, 0).call(register(s.pid(1)), ok()).call(resource(ACQUIRE, ls, "r", AUTOCREATE), ok());
                owner(s, 0).call(resource(RELEASE, ls, "r", 0), notOwner(s.pid(0)));
                owner(s, 1).call(resource(RELEASE, ls, "r", 0), ok());
            }),
            Scenario.of("RESTRICT succeeds", s -> owner(s, 0).call(restrict(0), ok())),
            Scenario.of("NEW creates the lockspace directory", s -> {
                String ls = s.path("new");
                owner(s, 0).call(newLockspace(ls, 0), ok()).call(resource(CREATE_RESOURCE, ls, "r", 0), ok());
            }),
            Scenario.of("CREATE_LOCKSPACE succeeds without registration", s ->
                s.open().call(createLockspace(s.path("ls")), ok())),
            Scenario.of("CREATE_LOCKSPACE is idempotent", s ->
                s.open().call(createLockspace(s.path("ls")), ok()).call(createLockspace(s.path("ls")), ok())),
            Scenario.of("CREATE_LOCKSPACE of \"\" succeeds", s -> s.open().call(createLockspace(""), ok())),
            Scenario.of("CREATE_LOCKSPACE creates missing parents", s ->
                s.open().call(createLockspace(s.path("a/b/c")), ok())),
            Scenario.of("CREATE_LOCKSPACE adopts an existing directory as it is", s -> {
                s.mkdirs("existing");
                s.open().call(createLockspace(s.path("existing")), ok());
            }),
            Scenario.of("CREATE_RESOURCE creates the file", s -> {
                String ls = lockspace(s);
                owner(s, 0).call(resource(CREATE_RESOURCE, ls, "r", 0), ok()).call(resource(CREATE_RESOURCE, ls, "r", 0), ok());
            }),
            Scenario.of("CREATE_RESOURCE in the default lockspace takes the name as the path", s -> {
                s.mkdirs("");
                owner(s, 0).call(resource(CREATE_RESOURCE, "", s.path("disk"), 0), ok());
            }),
            Scenario.of("CREATE_RESOURCE in a missing subdirectory fails", s -> {
                String ls = lockspace(s);
                owner(s, 0).call(resource(CREATE_RESOURCE, ls, "sub/r", 0), Expect.error(
                        org.virtlockd.protocol.RpcError.system(org.virtlockd.protocol.ErrorDomain.NONE,
                                "cannot create file '" + ls + "/sub/r'", 2, "No such file or directory")));
            }),
            Scenario.of("DELETE_RESOURCE deletes the file", s -> {
                String ls = lockspace(s);
                owner(s, 0).call(resource(CREATE_RESOURCE, ls, "r", 0), ok()).call(resource(DELETE_RESOURCE, ls, "r", 0), ok());
            }),
            Scenario.of("DELETE_RESOURCE of a missing file succeeds", s -> {
                String ls = lockspace(s);
                owner(s, 0).call(resource(DELETE_RESOURCE, ls, "missing", 0), ok());
            }),
            Scenario.of("DELETE_RESOURCE of a directory fails with EISDIR", s -> {
                String ls = lockspace(s);
                s.mkdirs("ls/dir");
                owner(s, 0).call(resource(DELETE_RESOURCE, ls, "dir", 0),
                        system("Unable to delete lockspace resource " + ls + "/dir", 21, "Is a directory"));
            }),
            Scenario.of("CREATE_RESOURCE and DELETE_RESOURCE refuse a locked resource", s -> {
                String ls = lockspace(s);
                owner(s, 0).call(resource(ACQUIRE, ls, "r", AUTOCREATE), ok())
                        .call(resource(CREATE_RESOURCE, ls, "r", 0), locked("r"))
                        .call(resource(DELETE_RESOURCE, ls, "r", 0), locked("r"))
                        .call(resource(RELEASE, ls, "r", 0), ok())
                        .call(resource(CREATE_RESOURCE, ls, "r", 0), ok())
                        .call(resource(DELETE_RESOURCE, ls, "r", 0), ok());
            }));
    }
}
