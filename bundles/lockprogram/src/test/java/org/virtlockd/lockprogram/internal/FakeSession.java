package org.virtlockd.lockprogram.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.virtlockd.transport.Session;

/** A session without a socket: fixed peer pid, a map of attachments. */
final class FakeSession implements Session {

    private final long id;
    private final long peerPid;
    private final Map<Object, Object> attachments = new HashMap<>();
    private boolean closed;

    FakeSession(long id, long peerPid) {
        this.id = id;
        this.peerPid = peerPid;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public String server() {
        return "virtlockd";
    }

    @Override
    public long peerPid() {
        return peerPid;
    }

    @Override
    public long peerUid() {
        return 0;
    }

    @Override
    public long peerGid() {
        return 0;
    }

    @Override
    public Instant connectedAt() {
        return Instant.EPOCH;
    }

    @Override
    public Object attachment(Object key) {
        return attachments.get(key);
    }

    @Override
    public void attach(Object key, Object value) {
        if (value == null) {
            attachments.remove(key);
        } else {
            attachments.put(key, value);
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    int attachmentCount() {
        return attachments.size();
    }

    boolean closed() {
        return closed;
    }
}
