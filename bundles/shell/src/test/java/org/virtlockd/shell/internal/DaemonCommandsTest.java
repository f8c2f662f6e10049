package org.virtlockd.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.virtlockd.lockprogram.ClientRegistration;
import org.virtlockd.lockprogram.LockClients;
import org.virtlockd.lockprogram.ProcedureCount;
import org.virtlockd.protocol.Owner;
import org.virtlockd.transport.ServerView;
import org.virtlockd.transport.Servers;
import org.virtlockd.transport.Session;

class DaemonCommandsTest {

    private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");

    record FakeSession(String server, long id, long peerPid, long peerUid) implements Session {
        public long peerGid() {
            return peerUid;
        }

        public Instant connectedAt() {
            return T;
        }

        public Object attachment(Object key) {
            return null;
        }

        public void attach(Object key, Object value) {
        }

        public void close() {
        }
    }

    record FakeServer(String name, List<Session> clients) implements ServerView {
        public int maxClients() {
            return 10;
        }

        public void setMaxClients(int max) {
        }

        public Optional<Session> client(long id) {
            return clients.stream().filter(s -> s.id() == id).findFirst();
        }

        public long nextClientId() {
            return clients.size() + 1;
        }
    }

    record FakeServers(List<ServerView> servers) implements Servers {
        public Optional<ServerView> server(String name) {
            return servers.stream().filter(s -> s.name().equals(name)).findFirst();
        }

        public int totalClients() {
            return servers.stream().mapToInt(s -> s.clients().size()).sum();
        }
    }

    static final class FakeLockClients implements LockClients {
        final Map<Session, ClientRegistration> registrations = new HashMap<>();

        public Optional<ClientRegistration> registration(Session session) {
            return Optional.ofNullable(registrations.get(session));
        }

        public List<ProcedureCount> procedureCounts() {
            return List.of(new ProcedureCount("REGISTER", 1, 3, 0), new ProcedureCount("ACQUIRE_RESOURCE", 6, 5, 2));
        }

        public long unknownProcedureCalls() {
            return 4;
        }
    }

    private final Session holder = new FakeSession("virtlockd", 1, 4242, 65534);
    private final Session restricted = new FakeSession("virtlockd", 2, 4343, 65534);
    private final Session fresh = new FakeSession("virtlockd", 3, 4444, 65534);
    private final Session admin = new FakeSession("admin", 1, 5555, 65534);
    private final FakeLockClients program = new FakeLockClients();
    private final DaemonCommands commands = new DaemonCommands(new FakeServers(List.of(
            new FakeServer("virtlockd", List.of(holder, restricted, fresh)), new FakeServer("admin", List.of(admin)))),
            program, null);

    @Test
    void clientsShowEveryServersSessionsWithTheLockProgramsView() {
        UUID uuid = UUID.randomUUID();
        program.registrations.put(holder, new ClientRegistration(new Owner(uuid, "vm1", 1, 4242), false));
        program.registrations.put(restricted, new ClientRegistration(new Owner(uuid, "vm1", 1, 4242), true));
        program.registrations.put(fresh, new ClientRegistration(null, false));
        assertEquals("""
                SERVER     ID  PID   UID    RESTRICTED  CONNECTED             OWNER
                virtlockd  1   4242  65534  no          2026-01-02T03:04:05Z  vm1 id=1 pid=4242
                virtlockd  2   4343  65534  yes         2026-01-02T03:04:05Z  vm1 id=1 pid=4242
                virtlockd  3   4444  65534  no          2026-01-02T03:04:05Z  -
                admin      1   5555  65534  -           2026-01-02T03:04:05Z  -
                """, commands.clients().toString());
    }

    @Test
    void anOwnerWithIdZeroIsShownAsNotRegistered() {
        assertEquals("vm id=0 pid=9 (id 0: not registered)",
                DaemonCommands.owner(new ClientRegistration(new Owner(UUID.randomUUID(), "vm", 0, 9), false)));
    }

    @Test
    void statsListCountersThenUptimeAndReexecCount() {
        String text = commands.stats().toString();
        assertTrue(text.startsWith("""
                PROCEDURE         NUMBER  CALLS  ERRORS
                REGISTER          1       3      0
                ACQUIRE_RESOURCE  6       5      2
                (unknown)         -       4      4
                uptime: """), text);
        assertTrue(text.endsWith("\nre-exec count: 0\n"), text);
    }

    @Test
    void missingServicesAreNamed() {
        DaemonCommands bare = new DaemonCommands();
        assertEquals("the transport's servers (bundle org.virtlockd.transport) is not running",
                assertThrows(IllegalStateException.class, bare::clients).getMessage());
        assertEquals("Config Admin (bundle org.apache.felix.configadmin) is not running",
                assertThrows(IllegalStateException.class, bare::config).getMessage());
    }

    @Test
    void configValuesAreShownAsWritten() {
        assertEquals("\"3:stderr\"", ConfigTable.value("3:stderr"));
        assertEquals("1024", ConfigTable.value(1024));
        assertEquals("[\"a\", \"b\"]", ConfigTable.value(new String[] {"a", "b"}));
        assertEquals("[1, 2]", ConfigTable.value(new int[] {1, 2}));
        assertEquals("no configuration (service.pid=org.virtlockd.*)\n", ConfigTable.of(null).toString().split("\n", 2)[1]);
    }
}
