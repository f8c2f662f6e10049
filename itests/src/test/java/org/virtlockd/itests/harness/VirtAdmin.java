package org.virtlockd.itests.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * libvirt's own {@code virt-admin} (Debian package {@code libvirt-clients}), run as the test user in a
 * sandbox's environment against the daemon of that sandbox: {@code virt-admin -c virtlockd:///session ...}
 * reaches {@code $XDG_RUNTIME_DIR/libvirt/virtlockd-admin-sock}.
 */
public final class VirtAdmin {

    public static final String PATH = "/usr/bin/virt-admin";
    public static final String URI = "virtlockd:///session";
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Exit status and the two output streams of one run. */
    public record Result(int status, String stdout, String stderr) {
        /** @return everything, as a person at a terminal would read it */
        public String text() {
            return "status " + status + "\n" + stdout + (stderr.isEmpty() ? "" : "stderr:\n" + stderr);
        }
    }

    private VirtAdmin() {
    }

    public static Result run(Sandbox sandbox, String... args) throws IOException, InterruptedException {
        return run(sandbox, TestUser.setpriv(), URI, args);
    }

    /** Runs virt-admin as root (the tests' own user) with the sandbox's environment and the given URI. */
    public static Result runAsRoot(Sandbox sandbox, String uri, String... args) throws IOException, InterruptedException {
        return run(sandbox, List.of(), uri, args);
    }

    private static Result run(Sandbox sandbox, List<String> prefix, String uri, String... args)
            throws IOException, InterruptedException {
        TestUser.requireTool(PATH, "libvirt-clients");
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add("/usr/bin/env");
        cmd.add("-i");
        sandbox.environment().forEach((k, v) -> cmd.add(k + "=" + v));
        cmd.add(PATH);
        cmd.add("-c");
        cmd.add(uri);
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(sandbox.root(), "virt-admin-", ".out");
        Path err = Files.createTempFile(sandbox.root(), "virt-admin-", ".err");
        try {
            Process p = new ProcessBuilder(cmd).directory(sandbox.root().toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError("virt-admin " + List.of(args) + " did not exit within " + TIMEOUT);
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
