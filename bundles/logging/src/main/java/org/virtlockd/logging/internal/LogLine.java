package org.virtlockd.logging.internal;

/**
 * One message on its way to the outputs.
 *
 * @param millis when it was logged
 * @param priority libvirt's priority, 1 debug to 4 error
 * @param source the logger (libvirt: the source file's category)
 * @param message the text
 */
record LogLine(long millis, int priority, String source, String message) {

    /** @return the line as files and stderr get it, without the newline */
    String text() {
        return LineFormat.format(millis, priority, source, message);
    }
}
