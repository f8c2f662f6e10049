package org.virtlockd.itests.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.virtlockd.client.LockClient;
import org.virtlockd.client.LockClientException;
import org.virtlockd.itests.harness.Daemon;
import org.virtlockd.itests.harness.Daemon.Kind;
import org.virtlockd.itests.harness.Sandbox;
import org.virtlockd.itests.harness.UserThread;

/**
 * Our daemon with lock holders connected the way libvirt's {@code lockd} plugin connects them, for the
 * shell tests to inspect. Owner pids are {@code sleep} children (never the test JVM's: the peer pid of every
 * connection is the JVM's, so hanging up never triggers the holder rule).
 *
 * <pre>
 * client 1  REGISTER vm1 id 1 pid=owner1; ACQUIRE disk.img (exclusive, autocreate), shared.iso (shared,
 *           autocreate); ACQUIRE disk.img again (refused: locked)
 * client 2  REGISTER vm2 id 2 pid=owner2; CREATE_LOCKSPACE leases; ACQUIRE leases/lease-abc (exclusive,
 *           autocreate), shared.iso (shared); RESTRICT
 * client 3  connected, no call
 * </pre>
 */
final class ShellFixture implements AutoCloseable {

    /** The configuration file the daemon runs with; {@code lockd:config} must show it. */
    static final String CONFIG = "max_clients = 77\nadmin_max_clients = 9\nlog_level = 3\n";
    static final Duration SHELL_SOCKET_WAIT = Duration.ofSeconds(20);

    final Sandbox sandbox;
    final Daemon daemon;
    final long owner1;
    final long owner2;
    final Path disk;
    final Path iso;
    final Path leases;
    private final List<Process> owners = new ArrayList<>();
    private final List<LockClient> clients = new ArrayList<>();

    private ShellFixture(Sandbox sandbox, Daemon daemon) throws Exception {
        this.sandbox = sandbox;
        this.daemon = daemon;
        owner1 = owner();
        owner2 = owner();
        disk = sandbox.data().resolve("disk.img");
        iso = sandbox.data().resolve("shared.iso");
        leases = sandbox.data().resolve("leases");
    }

    static ShellFixture start() throws Exception {
        Sandbox sandbox = Sandbox.create();
        ShellFixture f = null;
        try {
            Path config = sandbox.write("virtlockd.conf", CONFIG);
            Daemon daemon = Daemon.start(Kind.OURS, sandbox, "-f", config.toString());
            f = new ShellFixture(sandbox, daemon);
            f.awaitShellSocket();
            f.connectHolders();
            return f;
        } catch (Exception | AssertionError e) {
            if (f != null) {
                f.close();
            } else {
                sandbox.close();
            }
            throw e;
        }
    }

    private long owner() throws Exception {
        Process sleep = new ProcessBuilder("/bin/sleep", "600").start();
        owners.add(sleep);
        return sleep.pid();
    }

    void awaitShellSocket() throws Exception {
        long deadline = System.nanoTime() + SHELL_SOCKET_WAIT.toNanos();
        while (!Files.exists(sandbox.shellSocket())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no shell socket " + sandbox.shellSocket() + ":\n" + daemon.output());
            }
            Thread.sleep(20);
        }
    }

    private void connectHolders() throws Exception {
        LockClient first = client();
        first.register(UUID.randomUUID(), "vm1", 1, owner1);
        first.acquire("", disk.toString(), false, true);
        first.acquire("", iso.toString(), true, true);
        try {
            first.acquire("", disk.toString(), false, true);
            throw new AssertionError("a second exclusive acquire of " + disk + " succeeded");
        } catch (LockClientException e) {
            // counted as an ACQUIRE_RESOURCE error
        }
        LockClient second = client();
        second.register(UUID.randomUUID(), "vm2", 2, owner2);
        second.createLockspace(leases.toString());
        second.acquire(leases.toString(), "lease-abc", false, true);
        second.acquire("", iso.toString(), true, true);
        second.restrict();
        client();
    }

    private LockClient client() throws Exception {
        Path socket = sandbox.lockSocket();
        AFUNIXSocket s = UserThread.call(() -> AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(socket)));
        LockClient c = LockClient.over(s);
        clients.add(c);
        return c;
    }

    /** @return the command's stdout split into rows of cells (columns are two or more spaces apart) */
    static List<List<String>> rows(String out) {
        return out.lines().map(l -> Arrays.asList(l.split(" {2,}"))).toList();
    }

    @Override
    public void close() throws Exception {
        for (LockClient c : clients) {
            c.close();
        }
        if (daemon != null) {
            daemon.close();
        }
        for (Process p : owners) {
            p.destroy();
            p.waitFor(5, TimeUnit.SECONDS);
        }
        sandbox.close();
    }
}
