package org.virtlockd.itests.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;

/**
 * The unprivileged user every daemon and client of the process-level tests runs as (TESTING.md): uid and
 * gid 65534 ({@code nobody}/{@code nogroup}). Tests run as root and drop to it with {@code setpriv}.
 */
public final class TestUser {

    public static final int UID = 65534;
    public static final int GID = 65534;

    private TestUser() {
    }

    /** The command prefix that runs a program as the test user with a cleared group list. */
    public static List<String> setpriv() {
        requireTool("/usr/bin/setpriv", "util-linux");
        List<String> cmd = new ArrayList<>();
        cmd.add("/usr/bin/setpriv");
        cmd.add("--reuid=" + UID);
        cmd.add("--regid=" + GID);
        cmd.add("--clear-groups");
        return cmd;
    }

    public static void chown(Path p) throws IOException {
        UserPrincipalLookupService lookup = p.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal user = lookup.lookupPrincipalByName(Integer.toString(UID));
        GroupPrincipal group = lookup.lookupPrincipalByGroupName(Integer.toString(GID));
        PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class);
        view.setOwner(user);
        view.setGroup(group);
    }

    /** Fails with a message naming the missing tool and its Debian package: a test never skips silently. */
    public static void requireTool(String path, String debianPackage) {
        if (!Files.isExecutable(Path.of(path))) {
            throw new AssertionError("this test needs " + path + " (Debian package " + debianPackage
                    + "; .ci/run installs it)");
        }
    }
}
