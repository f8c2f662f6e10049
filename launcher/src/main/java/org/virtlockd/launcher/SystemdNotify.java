package org.virtlockd.launcher;

import java.io.File;
import java.io.IOException;
import java.net.DatagramPacket;
import java.nio.charset.StandardCharsets;

import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * sd_notify(3) without libsystemd: one datagram to the UNIX socket named by {@code NOTIFY_SOCKET}, a path
 * or, with a leading {@code @}, a name in the abstract namespace. Sent from the daemon's own pid, which is
 * the service's main pid ({@code bin/virtlockd} execs Java), as {@code NotifyAccess=main} requires.
 */
final class SystemdNotify {

    static final String NOTIFY_SOCKET = "NOTIFY_SOCKET";
    static final String READY = "READY=1";

    private SystemdNotify() {
    }

    /**
     * Sends {@code message} when {@code socket} is set; a failure is logged, never fatal (as in libvirt).
     *
     * @param socket the value of {@code NOTIFY_SOCKET}, or null
     * @param message the state, e.g. {@value #READY}
     * @return true when a datagram was sent
     */
    static boolean send(String socket, String message) {
        if (socket == null || socket.isEmpty()) {
            return false;
        }
        if (!socket.startsWith("/") && !socket.startsWith("@")) {
            Log.warning("systemd", "ignoring NOTIFY_SOCKET '" + socket + "': not a UNIX socket path");
            return false;
        }
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        try (AFUNIXDatagramSocket datagram = AFUNIXDatagramSocket.newInstance()) {
            AFUNIXSocketAddress address = socket.startsWith("@")
                    ? AFUNIXSocketAddress.inAbstractNamespace(socket.substring(1))
                    : AFUNIXSocketAddress.of(new File(socket));
            datagram.connect(address);
            datagram.send(new DatagramPacket(bytes, bytes.length));
            return true;
        } catch (IOException | RuntimeException e) {
            Log.warning("systemd", "cannot notify systemd through " + socket + ": " + e.getMessage());
            return false;
        }
    }
}
