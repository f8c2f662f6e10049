package org.virtlockd.transport;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service told about every session of every server, on the transport's I/O thread: keep the
 * work short and never block.
 */
@ConsumerType
public interface SessionListener {

    /** @param session a session that was accepted and passed the peer checks */
    default void sessionOpened(Session session) {
    }

    /** @param session a session that ended, after the programs were told */
    default void sessionClosed(Session session) {
    }
}
