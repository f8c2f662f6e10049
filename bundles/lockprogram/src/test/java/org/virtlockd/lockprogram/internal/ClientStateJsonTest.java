package org.virtlockd.lockprogram.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.virtlockd.protocol.Owner;

/** A lock client's {@code privateData} in the re-exec state, as libvirt 9.0 writes and reads it (spec 6.12). */
class ClientStateJsonTest {

    private static final UUID VM = UUID.fromString("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");

    @Test
    void aRegisteredRestrictedClientInLibvirtsKeyOrder() {
        ClientState client = new ClientState();
        client.register(new Owner(VM, "vmD", 11, 7934));
        client.restrict();
        Map<String, Object> json = ClientStateJson.save(client);
        assertEquals(List.of("restricted", "ownerPid", "ownerId", "ownerName", "ownerUUID"), List.copyOf(json.keySet()));
        assertEquals(Map.of("restricted", true, "ownerPid", 7934L, "ownerId", 11L, "ownerName", "vmD",
                "ownerUUID", "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"), json);
        ClientState back = ClientStateJson.restore(json);
        assertTrue(back.restricted());
        assertTrue(back.registered());
        assertEquals(new Owner(VM, "vmD", 11, 7934), back.owner());
    }

    @Test
    void anUnregisteredClientIsWrittenSoThatLibvirtReadsItBackUnregistered() {
        Map<String, Object> json = ClientStateJson.save(new ClientState());
        assertEquals(Map.of("restricted", false, "ownerPid", 0L, "ownerId", 0L, "ownerName", "",
                "ownerUUID", "00000000-0000-0000-0000-000000000000"), json);
        ClientState back = ClientStateJson.restore(json);
        assertFalse(back.registered());
        assertNull(back.owner());
    }

    @Test
    void libvirtsNullNameMeansNoOwner() {
        Map<String, Object> json = new HashMap<>();
        json.put("restricted", false);
        json.put("ownerPid", 0);
        json.put("ownerId", 0);
        json.put("ownerName", null);
        json.put("ownerUUID", "00000000-0000-0000-0000-000000000000");
        assertNull(ClientStateJson.restore(json).owner());
    }

    @Test
    void badDataIsRefusedWithLibvirtsWording() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> ClientStateJson.restore(Map.of("ownerPid", 1)));
        assertEquals("Missing restricted data in JSON document", missing.getMessage());
        IllegalArgumentException uuid = assertThrows(IllegalArgumentException.class, () -> ClientStateJson.restore(
                Map.of("restricted", false, "ownerPid", 1, "ownerId", 1, "ownerName", "x", "ownerUUID", "nope")));
        assertTrue(uuid.getMessage().startsWith("Missing ownerUUID data in JSON document"), uuid.getMessage());
    }
}
