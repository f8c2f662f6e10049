package org.virtlockd.protocol;

/**
 * The byte stream is corrupt (length word out of range, header missing, too many descriptors announced):
 * libvirt closes the connection without sending anything, and so must the caller. Once a
 * {@link FrameDecoder} has thrown this it stays dead.
 */
public class FrameException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what was wrong with the frame */
    public FrameException(String message) {
        super(message);
    }
}
