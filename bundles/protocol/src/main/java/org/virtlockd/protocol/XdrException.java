package org.virtlockd.protocol;

/**
 * A payload (or a header inside a complete frame) could not be decoded: too few bytes, a declared length
 * over its limit, or a discriminant without an arm. Checked on purpose: a server answers it with libvirt's
 * "Unable to decode message payload" error reply and keeps the connection, so callers must decide.
 */
public class XdrException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what was being read and why it failed */
    public XdrException(String message) {
        super(message);
    }
}
