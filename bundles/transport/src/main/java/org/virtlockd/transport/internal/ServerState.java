package org.virtlockd.transport.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.newsclub.net.unix.AFUNIXSocketChannel;
import org.newsclub.net.unix.FileDescriptorCast;
import org.virtlockd.launch.StateValues;
import org.virtlockd.transport.RpcProgram;

/**
 * One server in the re-exec state document, libvirt 9.0's {@code virNetServer} layout (spec 6.12): limits,
 * {@code next_client_id}, one service per listener, and the clients with their socket and the programs'
 * {@code privateData}. Two keys are this daemon's own and ignored by libvirt's: {@code pendingInput} and
 * {@code pendingOutput} (hex) carry a client's bytes that were read but not yet executed, and replies not yet
 * written, so that no request or reply is lost in the exec.
 */
final class ServerState {

    /** libvirt stores its "no keepalive" interval, -1, as an unsigned 32-bit number. */
    static final long KEEPALIVE_INTERVAL_NONE = 0xFFFF_FFFFL;
    static final String PENDING_INPUT = "pendingInput";
    static final String PENDING_OUTPUT = "pendingOutput";
    private static final HexFormat HEX = HexFormat.of();

    private ServerState() {
    }

    /** Must run on the I/O thread while nothing is read. */
    static Map<String, Object> save(Server server, Set<Integer> keep) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("min_workers", 0);
        json.put("max_workers", 0);
        json.put("priority_workers", 0);
        json.put("max_clients", server.clientLimit());
        json.put("max_anonymous_clients", server.unauthClientLimit());
        json.put("keepaliveInterval", KEEPALIVE_INTERVAL_NONE);
        json.put("keepaliveCount", 0);
        json.put("next_client_id", server.nextClientId());
        List<Object> services = new ArrayList<>();
        for (Listener listener : server.listeners()) {
            int fd = listener.fd();
            keep.add(fd);
            Map<String, Object> service = new LinkedHashMap<>();
            service.put("auth", 0);
            service.put("readonly", false);
            service.put("nrequests_client_max", 1);
            service.put("socks", List.of(sock(fd, false, listener.unlinksOnClose())));
            services.add(service);
        }
        json.put("services", services);
        List<Object> clients = new ArrayList<>();
        for (Connection c : server.connections()) {
            if (c.isClosed()) {
                continue;
            }
            int fd = c.fd();
            keep.add(fd);
            Map<String, Object> client = new LinkedHashMap<>();
            client.put("id", c.id());
            client.put("auth", 0);
            client.put("auth_pending", false);
            client.put("readonly", false);
            client.put("nrequests_max", 1);
            long connTime = c.connectedAt().getEpochSecond();
            if (connTime != 0) {
                client.put("conn_time", connTime);
            }
            client.put("sock", sock(fd, true, false));
            Map<String, Object> privateData = new LinkedHashMap<>();
            for (RpcProgram program : server.programs().of(server.name())) {
                privateData.putAll(program.saveSession(c));
            }
            client.put("privateData", privateData);
            byte[] input = c.pendingInput();
            if (input.length > 0) {
                client.put(PENDING_INPUT, HEX.formatHex(input));
            }
            byte[] output = c.pendingOutput();
            if (output.length > 0) {
                client.put(PENDING_OUTPUT, HEX.formatHex(output));
            }
            clients.add(client);
        }
        json.put("clients", clients);
        return json;
    }

    private static Map<String, Object> sock(int fd, boolean isClient, boolean unlink) {
        Map<String, Object> sock = new LinkedHashMap<>();
        sock.put("fd", fd);
        sock.put("errfd", -1);
        sock.put("pid", 0);
        sock.put("isClient", isClient);
        sock.put("unlinkUNIX", unlink);
        return sock;
    }

    /**
     * Takes over the listeners and clients of one server; must run on the I/O thread. A client that cannot be
     * taken over is closed and reported; the others are restored.
     */
    static void restore(Server server, Map<String, Object> json, Log log) throws IOException {
        for (Object s : StateValues.array(json, "services").orElse(List.of())) {
            Map<String, Object> service = StateValues.element(s, "service");
            for (Object k : StateValues.array(service, "socks").orElse(List.of())) {
                Map<String, Object> sock = StateValues.element(k, "socks");
                boolean isClient = StateValues.bool(sock, "isClient").orElse(false);
                boolean unlink = StateValues.bool(sock, "unlinkUNIX").orElse(!isClient);
                server.adopt((int) StateValues.requiredInteger(sock, "fd"), unlink);
            }
        }
        server.continueIdsFrom(StateValues.integer(json, "next_client_id").orElse(1L));
        List<Connection> restored = new ArrayList<>();
        List<Map<String, Object>> restoredJson = new ArrayList<>();
        for (Object element : StateValues.array(json, "clients").orElse(List.of())) {
            Map<String, Object> client = StateValues.element(element, "client");
            Map<String, Object> sock = StateValues.requiredObject(client, "sock");
            int fd = (int) StateValues.requiredInteger(sock, "fd");
            long id = StateValues.integer(client, "id").orElseGet(server::takeClientId);
            Instant connected = Instant.ofEpochSecond(StateValues.integer(client, "conn_time").orElse(0L));
            AFUNIXSocketChannel channel = FileDescriptorCast.unsafeUsing(fd).as(AFUNIXSocketChannel.class);
            Connection c;
            try {
                c = server.restore(channel, id, connected);
            } catch (IOException e) {
                log.warn("cannot take over client " + id + " of server " + server.name() + " (fd " + fd + "): "
                        + e.getMessage());
                channel.close();
                continue;
            }
            if (c == null) {
                continue;
            }
            Map<String, Object> privateData = StateValues.object(client, "privateData").orElse(Map.of());
            try {
                for (RpcProgram program : server.programs().of(server.name())) {
                    program.restoreSession(c, privateData);
                }
            } catch (IllegalArgumentException e) {
                log.warn("cannot restore client " + id + " of server " + server.name() + ": " + e.getMessage());
                c.close();
                continue;
            }
            restored.add(c);
            restoredJson.add(client);
        }
        // Sessions are announced and read again only once every client of the server is back.
        for (int i = 0; i < restored.size(); i++) {
            Connection c = restored.get(i);
            Map<String, Object> client = restoredJson.get(i);
            server.announce(c);
            c.resumeWith(bytes(client, PENDING_INPUT), bytes(client, PENDING_OUTPUT));
        }
    }

    private static byte[] bytes(Map<String, Object> client, String key) {
        String hex = StateValues.string(client, key).orElse("");
        try {
            return HEX.parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Malformed " + key + " data in JSON document", e);
        }
    }
}
