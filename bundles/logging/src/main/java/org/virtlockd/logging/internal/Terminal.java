package org.virtlockd.logging.internal;

import jnr.ffi.LibraryLoader;

/**
 * Whether standard input is a terminal, by the C library's {@code isatty(0)}: the JDK only tells whether
 * both standard input and output are ({@code System.console()}), which libvirt does not ask. The launcher
 * has loaded jnr-ffi already (pid file), so binding this one function is cheap; it happens only when the
 * default output depends on the answer.
 */
final class Terminal {

    /** jnr-ffi's generated implementation must see this interface: public. */
    public interface LibC {
        int isatty(int fd);
    }

    private Terminal() {
    }

    static boolean stdinIsTerminal() {
        try {
            return LibraryLoader.create(LibC.class).load("c").isatty(0) == 1;
        } catch (LinkageError | RuntimeException e) {
            return System.console() != null;
        }
    }
}
