package org.virtlockd.itests.diff;

import static org.virtlockd.itests.diff.Expect.noLockspace;
import static org.virtlockd.itests.diff.Expect.ok;
import static org.virtlockd.itests.diff.Expect.system;
import static org.virtlockd.itests.diff.ProcedureScenarios.AUTOCREATE;
import static org.virtlockd.itests.diff.ProcedureScenarios.lockspace;
import static org.virtlockd.itests.diff.ProcedureScenarios.owner;
import static org.virtlockd.itests.diff.Req.ACQUIRE;
import static org.virtlockd.itests.diff.Req.CREATE_LOCKSPACE;
import static org.virtlockd.itests.diff.Req.CREATE_RESOURCE;
import static org.virtlockd.itests.diff.Req.RELEASE;
import static org.virtlockd.itests.diff.Req.createLockspace;
import static org.virtlockd.itests.diff.Req.lock;
import static org.virtlockd.itests.diff.Req.resource;

import java.nio.ByteBuffer;
import java.util.List;

import org.virtlockd.protocol.ErrorDomain;
import org.virtlockd.protocol.RpcError;

/**
 * Paths and names are opaque byte strings (spec 2.2, 3.2, 7.15): no normalisation, no sanitising, no
 * character set; relative names are relative to the daemon's working directory (its sandbox root here,
 * which the test user cannot write).
 */
final class PathScenarios {

    private PathScenarios() {
    }

    static List<Scenario> all() {
        return List.of(
            Scenario.of("lockspace keys are not normalised", s -> {
                String ls = lockspace(s);
                owner(s, 0).call(resource(ACQUIRE, ls + "/", "r", 2), noLockspace(ls + "/"))
                        .call(resource(ACQUIRE, s.path("./ls"), "r", 2), noLockspace(s.path("./ls")));
            }),
            Scenario.of("CREATE_RESOURCE with .. escapes the lockspace", s -> {
                String ls = lockspace(s);
                owner(s, 0).call(resource(CREATE_RESOURCE, ls, "../escaped", 0), ok())
                        .call(resource(ACQUIRE, ls, "../escaped", 0), ok());
            }),
            Scenario.of("an empty resource name in a named lockspace is the directory itself", s -> {
                String ls = lockspace(s);
                owner(s, 0).call(resource(ACQUIRE, ls, "", AUTOCREATE),
                        system("Unable to open/create resource " + ls + "/", 21, "Is a directory"));
            }),
            Scenario.of("relative names in the default lockspace are relative to the working directory", s ->
                owner(s, 0).call(resource(CREATE_RESOURCE, "", "relative-r", 0), Expect.error(RpcError.system(
                                ErrorDomain.NONE, "cannot create file 'relative-r'", 13, "Permission denied")))
                        .call(resource(ACQUIRE, "", "relative-r", 0),
                                system("Unable to open resource relative-r", 2, "No such file or directory"))
                        .call(resource(ACQUIRE, "", "relative-r", AUTOCREATE),
                                system("Unable to open/create resource relative-r", 13, "Permission denied"))),
            Scenario.of("CREATE_LOCKSPACE with a relative path", s ->
                s.open().call(createLockspace("relative-ls"),
                        system("Unable to create lockspace relative-ls", 13, "Permission denied"))),
            Scenario.of("a NUL byte ends a string", s -> {
                String ls = s.path("ls");
                s.open().call(lock(CREATE_LOCKSPACE, Xdr.of().opaque(concat(Req.utf8(ls), new byte[] {0, 'x', 'y'}))), ok());
                owner(s, 0).call(Req.newLockspace(ls, 0), Expect.lockspaceExists(ls));
            }),
            Scenario.of("UTF-8 names reach the file system as their bytes", s -> {
                String ls = s.path("l\u00e9");
                s.mkdirs("");
                s.open().call(createLockspace(ls), ok());
                owner(s, 0).call(resource(ACQUIRE, ls, "disk-\u00e9\u4e2d", AUTOCREATE), ok())
                        .call(resource(CREATE_RESOURCE, "", s.path("\u00e9.img"), 0), ok())
                        .call(resource(ACQUIRE, "", s.path("\u00e9.img"), 0), ok());
                s.files("while locked");
                owner(s, 0).call(resource(RELEASE, ls, "disk-\u00e9\u4e2d", 0), ok());
            }),
            Scenario.of("non-UTF-8 bytes in a lockspace path are kept as bytes", s -> {
                byte[] ls = concat(Req.utf8(s.path("l")), new byte[] {(byte) 0xff, (byte) 0xc3});
                s.open().call(lock(CREATE_LOCKSPACE, Xdr.of().opaque(ls)), ok());
                owner(s, 0).call(lock(Req.NEW, Xdr.of().opaque(ls).word(0)), Expect.unchecked())
                        .call(lock(ACQUIRE, Xdr.of().opaque(ls).string("r").word(2)), ok());
            }));
    }

    static byte[] concat(byte[] a, byte[] b) {
        return ByteBuffer.allocate(a.length + b.length).put(a).put(b).array();
    }
}
