package org.virtlockd.itests.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A temporary directory for one daemon run by the unprivileged test user: {@code run/} (XDG_RUNTIME_DIR),
 * {@code cfg/} (XDG_CONFIG_HOME), {@code cache/} (XDG_CACHE_HOME) and {@code data/} for lock files, all owned
 * by that user. Nothing ever touches {@code /run/libvirt} or {@code /var/lib/libvirt}.
 *
 * <p>One per test: {@code @RegisterExtension final Sandbox sandbox = Sandbox.perTest();} makes it with the test
 * class's instance and removes it after the test, after the class's own {@code @AfterEach} methods.
 */
public final class Sandbox implements AutoCloseable, AfterEachCallback {

    private final Path root;

    private Sandbox(Path root) {
        this.root = root;
    }

    public static Sandbox create() throws IOException {
        Path root = Files.createTempDirectory("virtlockd-it-");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Sandbox s = new Sandbox(root);
        for (String d : new String[] {"run", "cfg", "cache", "data"}) {
            Path p = Files.createDirectory(root.resolve(d));
            TestUser.chown(p);
        }
        return s;
    }

    /** {@link #create()} for a {@code @RegisterExtension} field. */
    public static Sandbox perTest() {
        try {
            return create();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        close();
    }

    public Path root() {
        return root;
    }

    public Path runtimeDir() {
        return root.resolve("run");
    }

    /** The daemons' run directory, {@code $XDG_RUNTIME_DIR/libvirt}. */
    public Path runDir() {
        return runtimeDir().resolve("libvirt");
    }

    public Path data() {
        return root.resolve("data");
    }

    public Path lockSocket() {
        return runDir().resolve("virtlockd-sock");
    }

    public Path adminSocket() {
        return runDir().resolve("virtlockd-admin-sock");
    }

    /** Our daemon's Gogo shell socket (not a libvirt server; libvirt's daemon has none). */
    public Path shellSocket() {
        return runDir().resolve("virtlockd-shell-sock");
    }

    public Path pidFile() {
        return runDir().resolve("virtlockd.pid");
    }

    /** Writes a file readable by the test user. */
    public Path write(String name, String content) throws IOException {
        Path p = root.resolve(name);
        Files.writeString(p, content);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        return p;
    }

    /** The environment TESTING.md prescribes: nothing of ours but PATH, HOME and the XDG directories. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/bin:/bin");
        env.put("HOME", root.toString());
        env.put("XDG_RUNTIME_DIR", runtimeDir().toString());
        env.put("XDG_CONFIG_HOME", root.resolve("cfg").toString());
        env.put("XDG_CACHE_HOME", root.resolve("cache").toString());
        String javaHome = System.getProperty("java.home");
        if (javaHome != null) {
            env.put("JAVA_HOME", javaHome);
        }
        return env;
    }

    @Override
    public void close() throws IOException {
        deleteTree(root);
    }

    /** Deletes {@code root} and everything below it; a missing {@code root} is fine. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
