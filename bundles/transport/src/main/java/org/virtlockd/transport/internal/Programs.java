package org.virtlockd.transport.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.virtlockd.transport.RpcProgram;

/** The RPC programs registered as services, by server, program number and version. */
final class Programs {

    private record Key(String server, int program, int version) {
    }

    private final Map<Key, RpcProgram> byKey = new ConcurrentHashMap<>();
    private final Map<String, List<RpcProgram>> byServer = new ConcurrentHashMap<>();

    void add(String server, RpcProgram program) {
        byKey.put(new Key(server, program.program(), program.version()), program);
        byServer.computeIfAbsent(server, s -> new CopyOnWriteArrayList<>()).add(program);
    }

    void remove(String server, RpcProgram program) {
        byKey.remove(new Key(server, program.program(), program.version()), program);
        List<RpcProgram> list = byServer.get(server);
        if (list != null) {
            list.remove(program);
        }
    }

    RpcProgram find(String server, int program, int version) {
        return byKey.get(new Key(server, program, version));
    }

    List<RpcProgram> of(String server) {
        return byServer.getOrDefault(server, List.of());
    }
}
