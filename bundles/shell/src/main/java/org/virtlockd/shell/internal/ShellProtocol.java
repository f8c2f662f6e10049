package org.virtlockd.shell.internal;

import java.nio.charset.StandardCharsets;

/**
 * The line protocol of the shell socket ({@code <run dir>/virtlockd-shell-sock}). It is not a libvirt
 * protocol: the shell socket is no libvirt server and never enters the restart state. Everything is UTF-8
 * text in lines ending with LF.
 *
 * <table>
 *   <caption>Shell socket messages</caption>
 *   <tr><th>Direction</th><th>Line</th><th>Meaning</th></tr>
 *   <tr><td>server, on accept</td><td>{@code h virtlockd-shell 1}</td><td>hello: a shell socket, protocol version 1</td></tr>
 *   <tr><td>server, on accept</td><td>{@code r <reason>}</td><td>refused (another uid, too many sessions); the server closes</td></tr>
 *   <tr><td>client</td><td>{@code <command line>}</td><td>one Gogo command line, at most {@link #MAX_REQUEST} bytes</td></tr>
 *   <tr><td>server</td><td>{@code o <text>}</td><td>a line the command wrote to its standard output, or its formatted result</td></tr>
 *   <tr><td>server</td><td>{@code e <text>}</td><td>a line the command wrote to its error output, or the failure message</td></tr>
 *   <tr><td>server</td><td>{@code s <status>}</td><td>the command ended: {@value #STATUS_OK} success, {@value #STATUS_FAILED} failure</td></tr>
 * </table>
 *
 * <p>A client sends the next command line only after the status line of the previous one. Each
 * connection is one Gogo session: variables set by one line are seen by the next. Closing the connection
 * ends the session, never the daemon. An output line longer than {@link #MAX_LINE} bytes is cut into
 * several lines; a request longer than {@link #MAX_REQUEST} bytes gets an {@code e} line and status
 * {@value #STATUS_FAILED}, then the server closes the connection.
 */
final class ShellProtocol {

    /** The protocol version in the hello line. */
    static final int VERSION = 1;
    static final String HELLO = "h virtlockd-shell " + VERSION;
    static final char REFUSED = 'r';
    static final char OUT = 'o';
    static final char ERR = 'e';
    static final char STATUS = 's';
    static final int STATUS_OK = 0;
    static final int STATUS_FAILED = 1;
    /** Longest command line accepted, in bytes without the LF: libvirt's own string limit (64 KiB). */
    static final int MAX_REQUEST = 65_536;
    /** Longest output line sent before it is cut, in bytes without the tag and LF. */
    static final int MAX_LINE = 65_536;

    private ShellProtocol() {
    }

    /** @return one protocol line: tag, space, text, LF */
    static byte[] line(char tag, String text) {
        return (tag + " " + text + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
