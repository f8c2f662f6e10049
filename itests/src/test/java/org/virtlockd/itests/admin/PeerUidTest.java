package org.virtlockd.itests.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtlockd.itests.harness.Daemon.Kind;
import org.virtlockd.itests.harness.VirtAdmin;
import org.virtlockd.itests.harness.WireClient;
import org.virtlockd.protocol.AdminProcedure;
import org.virtlockd.protocol.AdminProtocol;
import org.virtlockd.protocol.Frames;
import org.virtlockd.protocol.Header;

/**
 * A client of another uid (root, against daemons of the test user) is refused on every socket: accepted and
 * closed at once, nothing sent (spec 6.6); virt-admin then fails the same way against both daemons.
 */
class PeerUidTest {

    /** The ways virt-admin reports the closed connection, depending on whether its request was read. */
    private static final java.util.Set<String> REFUSED = java.util.Set.of(
            "error: Failed to connect to the admin server\nerror: End of file while reading data: Input/output error\n",
            "error: Failed to connect to the admin server\nerror: Cannot recv data: Connection reset by peer\n");

    private static AdminWorld world;

    @BeforeAll
    static void start() throws Exception {
        world = AdminWorld.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (world != null) {
            world.close();
        }
    }

    /** What a root client gets: nothing, then end of file (the write may already fail: the daemon closed first). */
    private static String asRoot(java.nio.file.Path socket) throws Exception {
        try (WireClient root = WireClient.connectAsRoot(socket)) {
            try {
                root.send(Frames.encode(Header.call(AdminProtocol.PROGRAM, AdminProtocol.VERSION,
                        AdminProcedure.CONNECT_OPEN.number(), 0), w -> w.writeUnsignedInt(0)));
            } catch (IOException e) {
                return WireClient.EOF;
            }
            return root.drain(Duration.ofSeconds(3));
        }
    }

    @Test
    void rootIsRefusedOnBothSocketsOfBothDaemons() throws Exception {
        for (Kind kind : Kind.values()) {
            AdminWorld.Side side = world.side(kind);
            assertEquals(WireClient.EOF, asRoot(side.adminSocket()), kind + " admin socket");
            assertEquals(WireClient.EOF, asRoot(side.sandbox().lockSocket()), kind + " lock socket");
        }
    }

    /**
     * virt-admin run as root fails against both: it reads end of file, or a reset (the daemon closed with its
     * request unread), or dies of SIGPIPE, status 141 (the daemon closed before its first write); which
     * happens is a race, for either daemon.
     */
    @Test
    void virtAdminAsRootFails() throws Exception {
        for (Kind kind : Kind.values()) {
            AdminWorld.Side side = world.side(kind);
            VirtAdmin.Result r = VirtAdmin.runAsRoot(side.sandbox(), "virtlockd:///session?socket=" + side.adminSocket(), "srv-list");
            assertTrue(r.status() == 141 || (r.status() == 1 && REFUSED.contains(r.stderr())), kind + ": " + r.text());
            assertEquals("", r.stdout(), kind.name());
        }
    }

    @Test
    void theTestUserIsServedAfterwards() throws Exception {
        for (Kind kind : Kind.values()) {
            assertEquals(0, VirtAdmin.run(world.side(kind).sandbox(), "version").status(), kind.name());
        }
    }
}
