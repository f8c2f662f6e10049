package org.virtlockd.transport.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.virtlockd.launch.RestartParticipant;
import org.virtlockd.launch.StateValues;
import org.virtlockd.transport.RpcProgram;

/**
 * The transport's part of a re-exec (spec 6.12). Freezing parks the I/O thread in a task, so nothing is
 * accepted, read or dispatched any more, after it has written what replies it can and described every
 * server; the state is the {@code daemon} entry with the servers sorted by name. Resuming lets the I/O thread
 * go on where it stopped. Restoring takes over the servers a state names, in any of the layouts libvirt reads.
 */
final class TransportRestart implements RestartParticipant {

    /** How long freezing may spend writing queued replies before they are carried over instead. */
    static final long FLUSH_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    /** How long the I/O thread may take to reach the freeze. */
    static final long FREEZE_TIMEOUT_SECONDS = 10;
    /** Server names of libvirt's old {@code servers} array layout, by position. */
    private static final List<String> ARRAY_LAYOUT_NAMES = List.of(RpcProgram.LOCK_SERVER, RpcProgram.ADMIN_SERVER);

    private final EventLoop loop;
    private final List<Server> servers;
    private final Log log;
    private CountDownLatch thaw;
    private Map<String, Object> saved;
    private Set<Integer> savedFds;
    private RuntimeException failure;

    TransportRestart(EventLoop loop, List<Server> servers, Log log) {
        this.loop = loop;
        this.servers = servers;
        this.log = log;
    }

    @Override
    public synchronized void freeze() {
        if (thaw != null) {
            throw new IllegalStateException("the transport is frozen already");
        }
        CountDownLatch frozen = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        failure = null;
        loop.execute(() -> {
            try {
                capture();
            } catch (IOException | RuntimeException e) {
                failure = new IllegalStateException("cannot describe the servers: " + e.getMessage(), e);
            }
            frozen.countDown();
            if (failure == null) {
                awaitUninterruptibly(resume);
            }
        });
        boolean reached;
        try {
            reached = frozen.await(FREEZE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reached = false;
        }
        if (!reached) {
            resume.countDown();
            throw new IllegalStateException("the I/O thread did not stop within " + FREEZE_TIMEOUT_SECONDS + " s");
        }
        if (failure != null) {
            throw failure;
        }
        thaw = resume;
    }

    /** On the I/O thread: writes queued replies, ends closing sessions, then describes every server. */
    private void capture() throws IOException {
        for (Server server : servers) {
            for (Connection c : server.connections()) {
                boolean flushed = c.flush(FLUSH_NANOS);
                if (flushed && c.closing()) {
                    c.close();
                }
            }
        }
        Map<String, Object> byName = new TreeMap<>();
        Set<Integer> fds = new HashSet<>();
        for (Server server : servers) {
            byName.put(server.name(), ServerState.save(server, fds));
        }
        Map<String, Object> daemon = new LinkedHashMap<>();
        daemon.put("servers", byName);
        saved = Map.of("daemon", daemon);
        savedFds = fds;
    }

    @Override
    public synchronized Map<String, Object> save(Set<Integer> keep) {
        if (thaw == null) {
            throw new IllegalStateException("the transport is not frozen");
        }
        keep.addAll(savedFds);
        return saved;
    }

    @Override
    public synchronized void resume() {
        if (thaw != null) {
            thaw.countDown();
            thaw = null;
            log.debug("re-exec abandoned: serving again");
        }
    }

    /**
     * The servers a restart state names, in libvirt 9.0's layout ({@code daemon.servers} by name) or an older
     * one ({@code daemon.servers} as an array, or a single top-level {@code server}).
     *
     * @return server name to its state
     */
    static Map<String, Map<String, Object>> serversOf(Map<String, Object> state) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        Map<String, Object> daemon = StateValues.object(state, "daemon").orElse(null);
        if (daemon == null) {
            StateValues.object(state, "server").ifPresent(s -> result.put(RpcProgram.LOCK_SERVER, s));
            if (result.isEmpty()) {
                throw new IllegalArgumentException("Missing server data in JSON document");
            }
            return result;
        }
        Object servers = daemon.get("servers");
        if (servers instanceof List<?> list) {
            List<Object> elements = new ArrayList<>(list);
            for (int i = 0; i < elements.size() && i < ARRAY_LAYOUT_NAMES.size(); i++) {
                result.put(ARRAY_LAYOUT_NAMES.get(i), StateValues.element(elements.get(i), "server"));
            }
            return result;
        }
        Map<String, Object> byName = StateValues.requiredObject(daemon, "servers");
        for (Map.Entry<String, Object> e : byName.entrySet()) {
            result.put(e.getKey(), StateValues.element(e.getValue(), e.getKey()));
        }
        return result;
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
