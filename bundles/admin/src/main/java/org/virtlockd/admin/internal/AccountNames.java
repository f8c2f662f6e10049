package org.virtlockd.admin.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import jnr.posix.Group;
import jnr.posix.POSIXFactory;
import jnr.posix.Passwd;

/**
 * User and group names of a client's uid and gid, as libvirt's identity holds them ({@code getpwuid_r},
 * {@code getgrgid_r}). {@code /etc/passwd} and {@code /etc/group} answer the common case without native code;
 * other name services are asked through the C library (jnr-posix, loaded on first need). An id without a
 * name is shown as its number.
 */
final class AccountNames {

    private final Path passwd;
    private final Path group;

    AccountNames() {
        this(Path.of("/etc/passwd"), Path.of("/etc/group"));
    }

    AccountNames(Path passwd, Path group) {
        this.passwd = passwd;
        this.group = group;
    }

    String user(long uid) {
        return fromFile(passwd, uid).or(() -> nativeUser(uid)).orElse(Long.toString(uid));
    }

    String group(long gid) {
        return fromFile(group, gid).or(() -> nativeGroup(gid)).orElse(Long.toString(gid));
    }

    /** The name of the first {@code name:x:id:...} line with that id. */
    static Optional<String> fromFile(Path file, long id) {
        try {
            for (String line : Files.readAllLines(file)) {
                String[] f = line.split(":", -1);
                if (f.length > 2 && !f[0].isEmpty() && f[2].equals(Long.toString(id))) {
                    return Optional.of(f[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall back to the C library
        }
        return Optional.empty();
    }

    private static Optional<String> nativeUser(long uid) {
        try {
            Passwd p = POSIXFactory.getNativePOSIX().getpwuid((int) uid);
            return p == null ? Optional.empty() : Optional.ofNullable(p.getLoginName());
        } catch (LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> nativeGroup(long gid) {
        try {
            Group g = POSIXFactory.getNativePOSIX().getgrgid((int) gid);
            return g == null ? Optional.empty() : Optional.ofNullable(g.getName());
        } catch (LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }
}
