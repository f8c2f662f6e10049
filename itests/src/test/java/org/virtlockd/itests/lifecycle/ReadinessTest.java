package org.virtlockd.itests.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.virtlockd.itests.harness.Daemon;
import org.virtlockd.itests.harness.Sandbox;
import org.virtlockd.itests.harness.UserProcess;

/**
 * {@code READY=1} to {@code NOTIFY_SOCKET} once the daemon serves (spec 6.7), received here on a datagram
 * socket as systemd would: a path, or a name in the abstract namespace ({@code @name}).
 */
class ReadinessTest {

    @RegisterExtension
    final Sandbox sandbox = Sandbox.perTest();

    @Test
    void readyOnAPathSocket() throws Exception {
        Path path = sandbox.root().resolve("notify");
        try (AFUNIXDatagramSocket notify = AFUNIXDatagramSocket.newInstance()) {
            notify.bind(AFUNIXSocketAddress.of(path));
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxrwxrwx"));
            expectReady(notify, path.toString(), true);
        }
    }

    @Test
    void readyOnAnAbstractSocket() throws Exception {
        String name = "virtlockd-it-notify-" + System.nanoTime();
        try (AFUNIXDatagramSocket notify = AFUNIXDatagramSocket.newInstance()) {
            notify.bind(AFUNIXSocketAddress.inAbstractNamespace(name));
            expectReady(notify, "@" + name, false);
        }
    }

    /** @param reexec also re-execute the daemon (SIGUSR1): the new image notifies READY=1 again (issue 5) */
    private void expectReady(AFUNIXDatagramSocket notify, String address, boolean reexec) throws Exception {
        try (UserProcess p = UserProcess.start(sandbox, List.of(), Map.of("NOTIFY_SOCKET", address),
                List.of(Daemon.distribution().resolve("bin/virtlockd").toString()))) {
            notify.setSoTimeout((int) Daemon.START_TIMEOUT.toMillis());
            byte[] buf = new byte[256];
            DatagramPacket packet = new DatagramPacket(buf, buf.length);
            try {
                notify.receive(packet);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no notification within " + Daemon.START_TIMEOUT + ":\n" + p.output());
            }
            assertTrue(Files.exists(sandbox.lockSocket()) && Files.exists(sandbox.adminSocket()),
                    "both sockets listen before READY=1");
            assertEquals("READY=1", new String(buf, 0, packet.getLength(), StandardCharsets.UTF_8));
            assertEquals(Ping.pong(), Ping.answer(sandbox.lockSocket()));
            if (reexec) {
                p.signal("USR1");
                try {
                    notify.receive(packet);
                } catch (SocketTimeoutException e) {
                    throw new AssertionError("no notification after the re-exec:\n" + p.output());
                }
                assertEquals("READY=1", new String(buf, 0, packet.getLength(), StandardCharsets.UTF_8), "again after a re-exec");
                assertEquals(Ping.pong(), Ping.answer(sandbox.lockSocket()));
            }
            p.signal("TERM");
            assertEquals(0, p.awaitExit(Daemon.STOP_TIMEOUT), p.output());
        }
    }
}
