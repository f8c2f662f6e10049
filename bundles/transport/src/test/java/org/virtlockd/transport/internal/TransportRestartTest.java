package org.virtlockd.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The server layouts libvirt's restore reads (spec 6.12), which ours reads too. */
class TransportRestartTest {

    private static final Map<String, Object> LOCK = Map.of("max_clients", 1024);
    private static final Map<String, Object> ADMIN = Map.of("max_clients", 5000);

    @Test
    void libvirt9ServersByName() {
        Map<String, Object> state = Map.of("daemon", Map.of("servers", Map.of("admin", ADMIN, "virtlockd", LOCK)));
        assertEquals(Map.of("virtlockd", LOCK, "admin", ADMIN), TransportRestart.serversOf(state));
    }

    @Test
    void olderServersArrayIsLockServerThenAdmin() {
        Map<String, Object> state = Map.of("daemon", Map.of("servers", List.of(LOCK, ADMIN)));
        assertEquals(Map.of("virtlockd", LOCK, "admin", ADMIN), TransportRestart.serversOf(state));
        Map<String, Object> onlyLock = Map.of("daemon", Map.of("servers", List.of(LOCK)));
        assertEquals(Map.of("virtlockd", LOCK), TransportRestart.serversOf(onlyLock), "no admin server, no admin socket");
    }

    @Test
    void oldestSingleTopLevelServer() {
        assertEquals(Map.of("virtlockd", LOCK), TransportRestart.serversOf(Map.of("server", LOCK)));
    }

    @Test
    void noServerIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TransportRestart.serversOf(Map.of("magic", "1")));
        assertEquals("Missing server data in JSON document", e.getMessage());
    }
}
