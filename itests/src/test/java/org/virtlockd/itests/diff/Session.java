package org.virtlockd.itests.diff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.virtlockd.client.LockClient;
import org.virtlockd.client.LockClientException;
import org.virtlockd.itests.harness.Daemon.Kind;
import org.virtlockd.itests.harness.TestUser;
import org.virtlockd.itests.harness.UserThread;
import org.virtlockd.itests.harness.WireClient;

/**
 * One scenario run against one daemon. Each scenario gets its own directory {@code <data>/<id>} so that
 * lockspaces and resources never collide across scenarios; the two daemons' data directories have names
 * of the same length, so replies that mention paths have the same length too and normalising them is a
 * byte-for-byte replacement.
 */
final class Session {
    private final Kind kind;
    private final Path socket;
    private final Path data;
    private final String id;
    private final long[] pids;
    private final boolean validate;
    private final List<String> transcript = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final List<Conn> conns = new ArrayList<>();
    private final List<LockClient> clients = new ArrayList<>();

    Session(Kind kind, Path socket, Path data, String id, long[] pids, boolean validate) {
        this.kind = kind;
        this.socket = socket;
        this.data = data;
        this.id = id;
        this.pids = pids.clone();
        this.validate = validate;
    }

    Kind kind() {
        return kind;
    }

    /** A new connection as the test user. */
    Conn open() throws Exception {
        Conn c = new Conn(this, "c" + (conns.size() + 1), WireClient.connect(socket));
        conns.add(c);
        record(c + " connected");
        return c;
    }

    /** A {@link LockClient} connected as the test user (closed by {@link #finish}). */
    LockClient client() throws Exception {
        AFUNIXSocket connected = UserThread.call(() -> AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(socket)));
        LockClient client = LockClient.over(connected, Conn.REPLY_WAIT);
        clients.add(client);
        return client;
    }

    /** An action of a {@link LockClient}. */
    @FunctionalInterface
    interface ClientAction {
        void run() throws Exception;
    }

    /**
     * Runs a client call and records its outcome: "ok", or the error's code, domain and message (data
     * directory normalised); on libvirt's side the outcome must be {@code expected}.
     */
    Session outcome(String step, String expected, ClientAction action) {
        String outcome;
        try {
            action.run();
            outcome = "ok";
        } catch (LockClientException e) {
            outcome = e.code() + "/" + e.domain() + " " + e.getMessage();
        } catch (Exception e) {
            outcome = e.getClass().getSimpleName() + " " + e.getMessage();
        }
        outcome = outcome.replace(data.toString(), "#".repeat(data.toString().length()));
        record(step + " -> " + outcome);
        checkText(step, expected, outcome);
        return this;
    }

    /** @return the absolute path of {@code relative} inside this scenario's directory ("" for the directory) */
    String path(String relative) {
        String dir = data.resolve(id).toString();
        return relative.isEmpty() ? dir : dir + "/" + relative;
    }

    /** @return the pid of disposable child {@code index} (0 or 1): a live process that is never a peer */
    long pid(int index) {
        return pids[index];
    }

    /** Creates directories (owned by the test user, mode 755) inside the scenario directory. */
    Session mkdirs(String relative) throws IOException {
        Path p = Path.of(path(relative));
        Path base = data;
        for (Path part : data.relativize(p)) {
            base = base.resolve(part);
            if (!Files.exists(base)) {
                Files.createDirectory(base);
                TestUser.chown(base);
            }
        }
        return this;
    }

    /** Creates an empty regular file owned by the test user, mode 644. */
    Session touch(String relative) throws IOException {
        Path p = Path.of(path(relative));
        mkdirs(data.resolve(id).relativize(p.getParent()).toString());
        Files.createFile(p);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        TestUser.chown(p);
        return this;
    }

    /** Records the files under the scenario directory (see {@link FileListing}). */
    Session files(String label) throws IOException, InterruptedException {
        record("files " + label + ": " + FileListing.of(data.resolve(id)));
        return this;
    }

    void record(String line) {
        transcript.add(line);
    }

    /** On libvirt's side, notes a reply that is not the one the spec predicts. */
    void check(String step, byte[] expected, byte[] actual) {
        if (validate && expected != null && !Arrays.equals(expected, actual)) {
            violations.add(step + "\n  expected " + WireHex.of(expected) + "\n  actual   "
                    + (actual == null ? "no reply" : WireHex.of(actual)));
        }
    }

    void checkText(String step, String expected, String actual) {
        if (validate && !expected.equals(actual)) {
            violations.add(step + ": expected " + expected + ", got " + actual);
        }
    }

    /** Replaces the daemon's data directory by a placeholder of the same length. */
    byte[] normalise(byte[] frame) {
        byte[] dir = data.toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = frame.clone();
        for (int i = 0; i + dir.length <= out.length; i++) {
            if (Arrays.equals(out, i, i + dir.length, dir, 0, dir.length)) {
                Arrays.fill(out, i, i + dir.length, (byte) '#');
                i += dir.length - 1;
            }
        }
        return out;
    }

    /** Closes every connection (fencing those still open), then records the scenario's files. */
    void finish() throws IOException, InterruptedException {
        for (Conn c : conns) {
            c.close();
        }
        for (LockClient c : clients) {
            c.close();
        }
        files("at end");
    }

    List<String> transcript() {
        return transcript;
    }

    List<String> violations() {
        return violations;
    }
}
