package org.virtlockd.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The client end of the shell socket (the protocol is described by the shell bundle's
 * {@code ShellProtocol}): hello or refusal on connect, then one command line out, tagged lines back until
 * the status line. Uses the JDK's own UNIX sockets: the client needs no native library.
 */
final class ShellLink implements AutoCloseable {

    /** How long the daemon may take to greet; a socket that stays silent is not a shell socket. */
    static final Duration HELLO_TIMEOUT = Duration.ofSeconds(10);
    static final String HELLO = "h virtlockd-shell 1";

    /** The daemon cannot be reached, refused us, or went away: exit status {@link ShellClient#UNREACHABLE}. */
    static final class UnreachableException extends Exception {
        private static final long serialVersionUID = 1L;

        UnreachableException(String message) {
            super(message);
        }
    }

    private final SocketChannel channel;
    private final BufferedReader in;
    private final OutputStream out;

    private ShellLink(SocketChannel channel) {
        this.channel = channel;
        this.in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
        this.out = Channels.newOutputStream(channel);
    }

    static ShellLink connect(Path socket) throws UnreachableException {
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            throw new UnreachableException("cannot connect to " + socket + ": " + e.getMessage() + " (is virtlockd running?)");
        }
        ShellLink link = new ShellLink(channel);
        link.awaitHello(socket);
        return link;
    }

    private void awaitHello(Path socket) throws UnreachableException {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(HELLO_TIMEOUT.toMillis());
                close();
            } catch (InterruptedException e) {
                // greeted in time
            }
        }, "hello-timeout");
        watchdog.setDaemon(true);
        watchdog.start();
        String first;
        try {
            first = in.readLine();
        } catch (IOException e) {
            first = null;
        } finally {
            watchdog.interrupt();
        }
        if (first != null && first.startsWith("r ")) {
            close();
            throw new UnreachableException("the daemon refused the connection: " + first.substring(2));
        }
        if (!HELLO.equals(first)) {
            close();
            throw new UnreachableException(socket + " is not a virtlockd shell socket (" + (first == null
                    ? "no greeting within " + HELLO_TIMEOUT.toSeconds() + " s" : "it greets with something else") + ")");
        }
    }

    /**
     * Runs one command line in the daemon's session.
     *
     * @param out receives the lines of standard output
     * @param err receives the lines of error output
     * @return the command's status: 0 success, 1 failure
     */
    int run(String line, Consumer<String> out, Consumer<String> err) throws UnreachableException {
        try {
            this.out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            this.out.flush();
            String reply;
            while ((reply = in.readLine()) != null) {
                String text = reply.length() > 2 ? reply.substring(2) : "";
                switch (reply.isEmpty() ? ' ' : reply.charAt(0)) {
                    case 'o' -> out.accept(text);
                    case 'e' -> err.accept(text);
                    case 's' -> {
                        return "0".equals(text) ? ShellClient.SUCCESS : ShellClient.FAILED;
                    }
                    default -> throw new UnreachableException("unexpected line from the daemon: " + reply);
                }
            }
        } catch (IOException e) {
            throw new UnreachableException("connection to the daemon lost: " + e.getMessage());
        }
        throw new UnreachableException("the daemon closed the connection");
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing is all we wanted
        }
    }
}
