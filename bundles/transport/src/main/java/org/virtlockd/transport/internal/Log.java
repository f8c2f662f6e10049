package org.virtlockd.transport.internal;

/** The transport's log sink (the OSGi Log Service when present). */
interface Log {

    void debug(String message);

    void warn(String message);
}
