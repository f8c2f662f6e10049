package org.virtlockd.lockprogram.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.virtlockd.launch.StateValues;
import org.virtlockd.protocol.Owner;

/**
 * A lock client's {@code privateData} in the re-exec state (spec 6.12), as libvirt 9.0 writes and reads it:
 * {@code restricted}, {@code ownerPid}, {@code ownerId}, {@code ownerName}, {@code ownerUUID} (canonical
 * lowercase text). A client that never registered is written with zeros, an empty name and the nil UUID,
 * which libvirt reads back as unregistered too; a {@code null} name or UUID (libvirt's daemon writes those
 * for such a client) is read as "no owner".
 */
final class ClientStateJson {

    private static final UUID NIL = new UUID(0, 0);

    private ClientStateJson() {
    }

    static Map<String, Object> save(ClientState client) {
        Owner owner = client.owner();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("restricted", client.restricted());
        json.put("ownerPid", owner == null ? 0L : owner.pid());
        json.put("ownerId", owner == null ? 0L : owner.id());
        json.put("ownerName", owner == null ? "" : owner.name());
        json.put("ownerUUID", (owner == null ? NIL : owner.uuid()).toString());
        return json;
    }

    static ClientState restore(Map<String, Object> json) {
        boolean restricted = StateValues.requiredBool(json, "restricted");
        long pid = StateValues.integer(json, "ownerPid").orElse(0L);
        long id = StateValues.integer(json, "ownerId").orElse(0L);
        String name = StateValues.string(json, "ownerName").orElse(null);
        String uuid = StateValues.string(json, "ownerUUID").orElse(null);
        ClientState client = new ClientState();
        if (name != null && uuid != null && !(pid == 0 && id == 0 && name.isEmpty() && NIL.equals(parse(uuid)))) {
            client.register(new Owner(parse(uuid), name, id, pid));
        }
        if (restricted) {
            client.restrict();
        }
        return client;
    }

    private static UUID parse(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Missing ownerUUID data in JSON document: " + text, e);
        }
    }
}
