package org.virtlockd.itests.diff;

import static org.virtlockd.itests.diff.Expect.locked;
import static org.virtlockd.itests.diff.Expect.notLocked;
import static org.virtlockd.itests.diff.Expect.notOwner;
import static org.virtlockd.itests.diff.Expect.ok;
import static org.virtlockd.itests.diff.Expect.system;
import static org.virtlockd.itests.diff.ProcedureScenarios.lockspace;
import static org.virtlockd.itests.diff.ProcedureScenarios.owner;
import static org.virtlockd.itests.diff.Req.ACQUIRE;
import static org.virtlockd.itests.diff.Req.CREATE_RESOURCE;
import static org.virtlockd.itests.diff.Req.RELEASE;
import static org.virtlockd.itests.diff.Req.resource;

import java.util.List;

/** ACQUIRE and RELEASE: lock modes, owners, AUTOCREATE files and their deletion (spec 3.3 to 3.5, 7). */
final class LockScenarios {
    private static final int SHARED = ProcedureScenarios.SHARED;
    private static final int AUTOCREATE = ProcedureScenarios.AUTOCREATE;

    private LockScenarios() {
    }

    static List<Scenario> all() {
        return List.of(
            Scenario.of("ACQUIRE exclusive of an existing file, then RELEASE", s -> {
                String ls = lockspace(s);
                owner(s, 0).call(resource(CREATE_RESOURCE, ls, "r", 0), ok()).call(resource(ACQUIRE, ls, "r", 0), ok());
                s.files("while locked");
                owner(s, 0).call(resource(RELEASE, ls, "r", 0), ok());
            }),
            Scenario.of("ACQUIRE shared of an existing file", s -> {
                String ls = lockspace(s);
                owner(s, 0).call(resource(CREATE_RESOURCE, ls, "r", 0), ok()).call(resource(ACQUIRE, ls, "r", SHARED), ok());
            }),
            Scenario.of("ACQUIRE without AUTOCREATE of a missing file", s -> {
                String ls = lockspace(s);
                owner(s, 0).call(resource(ACQUIRE, ls, "r", 0),
                        system("Unable to open resource " + ls + "/r", 2, "No such file or directory"))
                        .call(resource(ACQUIRE, ls, "r", SHARED),
                        system("Unable to open resource " + ls + "/r", 2, "No such file or directory"));
            }),
            Scenario.of("ACQUIRE with AUTOCREATE in a missing subdirectory", s -> {
                String ls = lockspace(s);
                owner(s, 0).call(resource(ACQUIRE, ls, "sub/r", AUTOCREATE),
                        system("Unable to open/create resource " + ls + "/sub/r", 2, "No such file or directory"));
            }),
            Scenario.of("ACQUIRE AUTOCREATE creates the file and the last RELEASE deletes it", s -> {
                String ls = lockspace(s);
                Conn c = owner(s, 0).call(resource(ACQUIRE, ls, "r", AUTOCREATE), ok());
                s.files("while locked");
                c.call(resource(RELEASE, ls, "r", 0), ok())
                        .call(resource(ACQUIRE, ls, "r", 0), system("Unable to open resource " + ls + "/r", 2,
                                "No such file or directory"));
            }),
            Scenario.of("RELEASE of a resource without AUTOCREATE keeps the file", s -> {
                String ls = lockspace(s);
                owner(s, 0).call(resource(CREATE_RESOURCE, ls, "r", 0), ok()).call(resource(ACQUIRE, ls, "r", 0), ok())
                        .call(resource(RELEASE, ls, "r", 0), ok()).call(resource(ACQUIRE, ls, "r", 0), ok());
            }),
            Scenario.of("ACQUIRE in the default lockspace by absolute path", s -> {
                s.touch("disk.img");
                owner(s, 0).call(resource(ACQUIRE, "", s.path("disk.img"), 0), ok())
                        .call(resource(ACQUIRE, "", s.path("disk.img"), 0), locked(s.path("disk.img")))
                        .call(resource(RELEASE, "", s.path("disk.img"), 0), ok());
            }),
            Scenario.of("shared + shared by two owners, released one by one", s -> {
                String ls = lockspace(s);
                Conn a = owner(s, 0).call(resource(ACQUIRE, ls, "r", SHARED | AUTOCREATE), ok());
                Conn b = owner(s, 1).call(resource(ACQUIRE, ls, "r", SHARED | AUTOCREATE), ok());
                a.call(resource(ACQUIRE, ls, "r", AUTOCREATE), locked("r")).call(resource(RELEASE, ls, "r", 0), ok());
                s.files("after the first release");
                a.call(resource(ACQUIRE, ls, "r", SHARED), ok()).call(resource(RELEASE, ls, "r", 0), ok())
                        .call(resource(RELEASE, ls, "r", 0), notOwner(s.pid(0)));
                b.call(resource(RELEASE, ls, "r", 0), ok());
                s.files("after the last release");
                b.call(resource(RELEASE, ls, "r", 0), notLocked("r"));
            }),
            Scenario.of("shared twice by the same owner needs two releases", s -> {
                String ls = lockspace(s);
                owner(s, 0).call(resource(ACQUIRE, ls, "r", SHARED | AUTOCREATE), ok())
                        .call(resource(ACQUIRE, ls, "r", SHARED | AUTOCREATE), ok())
                        .call(resource(RELEASE, ls, "r", 0), ok())
                        .call(resource(ACQUIRE, ls, "r", AUTOCREATE), locked("r"))
                        .call(resource(RELEASE, ls, "r", 0), ok())
                        .call(resource(RELEASE, ls, "r", 0), notLocked("r"));
            }),
            Scenario.of("exclusive conflicts: exclusive/exclusive, shared/exclusive, exclusive/shared, same owner", s -> {
                String ls = lockspace(s);
                Conn a = owner(s, 0).call(resource(ACQUIRE, ls, "x", AUTOCREATE), ok())
                        .call(resource(ACQUIRE, ls, "x", AUTOCREATE), locked("x"))
                        .call(resource(ACQUIRE, ls, "x", SHARED | AUTOCREATE), locked("x"))
                        .call(resource(ACQUIRE, ls, "s", SHARED | AUTOCREATE), ok())
                        .call(resource(ACQUIRE, ls, "s", AUTOCREATE), locked("s"));
                owner(s, 1).call(resource(ACQUIRE, ls, "x", 0), locked("x"))
                        .call(resource(ACQUIRE, ls, "x", SHARED), locked("x"))
                        .call(resource(ACQUIRE, ls, "s", 0), locked("s"))
                        .call(resource(ACQUIRE, ls, "s", SHARED), ok());
                a.call(resource(RELEASE, ls, "x", 0), ok());
            }),
            Scenario.of("RELEASE of a resource that is not locked", s -> {
                String ls = lockspace(s);
                owner(s, 0).call(resource(RELEASE, ls, "r", 0), notLocked("r"));
            }),
            Scenario.of("RELEASE by an owner that does not hold the lock", s -> {
                String ls = lockspace(s);
                owner(s, 0).call(resource(ACQUIRE, ls, "r", AUTOCREATE), ok());
                owner(s, 1).call(resource(RELEASE, ls, "r", 0), notOwner(s.pid(1)));
                owner(s, 0).call(resource(RELEASE, ls, "r", 0), ok());
            }),
            Scenario.of("locks outlive the connection that took them (peer is not the owner)", s -> {
                String ls = lockspace(s);
                owner(s, 0).call(resource(ACQUIRE, ls, "r", AUTOCREATE), ok()).close();
                owner(s, 1).call(resource(ACQUIRE, ls, "r", AUTOCREATE), locked("r"));
                owner(s, 0).call(resource(RELEASE, ls, "r", 0), ok());
            }),
            Scenario.of("one file through two lockspaces is locked twice", s -> {
                String ls = lockspace(s);
                owner(s, 0).call(resource(CREATE_RESOURCE, ls, "r", 0), ok())
                        .call(resource(ACQUIRE, ls, "r", 0), ok())
                        .call(resource(ACQUIRE, "", ls + "/r", 0), ok());
            }));
    }
}
