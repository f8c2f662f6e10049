package org.virtlockd.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client's options and exit statuses, against a scripted server on a real UNIX socket. */
class ShellClientTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new ShellClient(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(List.of(args));
    }

    /** Accepts one client, sends {@code greeting}, and answers the first command line with {@code reply}. */
    private CompletableFuture<String> server(Path socket, String greeting, Function<String, String> reply) throws Exception {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        return CompletableFuture.supplyAsync(() -> {
            try (server; SocketChannel c = server.accept()) {
                var w = Channels.newOutputStream(c);
                w.write(greeting.getBytes(StandardCharsets.UTF_8));
                String line = new BufferedReader(new InputStreamReader(Channels.newInputStream(c), StandardCharsets.UTF_8)).readLine();
                if (line != null) {
                    w.write(reply.apply(line).getBytes(StandardCharsets.UTF_8));
                }
                return line;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void optionsTakeTheirValueAfterASpaceOrAnEqualsSign() throws Exception {
        assertEquals(new ShellOptions("lb", "/s", false), ShellOptions.parse(List.of("-c", "lb", "--socket", "/s")));
        assertEquals(new ShellOptions("a b", "/s", false), ShellOptions.parse(List.of("--socket=/s", "--command=a b")));
        assertEquals(new ShellOptions(null, null, true), ShellOptions.parse(List.of("--help", "--bogus")));
        assertEquals("option '-c' requires an argument",
                assertThrows(ShellOptions.UsageException.class, () -> ShellOptions.parse(List.of("-c"))).getMessage());
        assertEquals("unknown option '-x'",
                assertThrows(ShellOptions.UsageException.class, () -> ShellOptions.parse(List.of("-x"))).getMessage());
        assertEquals("unexpected argument 'lb' (quote the command after -c)",
                assertThrows(ShellOptions.UsageException.class, () -> ShellOptions.parse(List.of("lb"))).getMessage());
        assertTrue(assertThrows(ShellOptions.UsageException.class,
                () -> ShellOptions.parse(List.of("-c", "lb\nstop 0"))).getMessage().contains("must be one line"));
    }

    @Test
    void aUsageMistakeIsExitTwoWithTheUsage() {
        assertEquals(ShellClient.UNREACHABLE, run("--nope"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("virtlockd-shell: unknown option '--nope'\nUsage:\n"));
        assertEquals(ShellClient.SUCCESS, run("-h"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("virtlockd-shell [--socket PATH] -c COMMAND"));
    }

    @Test
    void noDaemonIsExitTwo() {
        Path socket = tmp.resolve("virtlockd-shell-sock");
        assertEquals(ShellClient.UNREACHABLE, run("--socket", socket.toString(), "-c", "lb"));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("virtlockd-shell: cannot connect to " + socket + ": "), message);
        assertTrue(message.endsWith(" (is virtlockd running?)\n"), message);
    }

    @Test
    void theCommandsStatusIsTheExitStatusAndItsLinesGoToStdoutAndStderr() throws Exception {
        Path socket = tmp.resolve("s");
        CompletableFuture<String> sent = server(socket, "h virtlockd-shell 1\n", l -> "o out 1\ne err\no \ns 1\n");
        assertEquals(ShellClient.FAILED, run("--socket", socket.toString(), "-c", "lockd:resources /x"));
        assertEquals("lockd:resources /x", sent.get());
        assertEquals("out 1\n\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("err\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void successIsExitZero() throws Exception {
        Path socket = tmp.resolve("s");
        server(socket, "h virtlockd-shell 1\n", l -> "o ok\ns 0\n");
        assertEquals(ShellClient.SUCCESS, run("--socket", socket.toString(), "-c", "lb"));
        assertEquals("ok\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aRefusalIsExitTwoWithTheDaemonsReason() throws Exception {
        Path socket = tmp.resolve("s");
        CompletableFuture<String> sent = server(socket, "r uid 0 may not use the shell\n", l -> "");
        assertEquals(ShellClient.UNREACHABLE, run("--socket", socket.toString(), "-c", "lb"));
        assertEquals("virtlockd-shell: the daemon refused the connection: uid 0 may not use the shell\n",
                err.toString(StandardCharsets.UTF_8));
        assertNull(sent.get(), "the command was never sent");
    }

    @Test
    void aDaemonThatGoesAwayMidCommandIsExitTwo() throws Exception {
        Path socket = tmp.resolve("s");
        server(socket, "h virtlockd-shell 1\n", l -> "o partial\n");
        assertEquals(ShellClient.UNREACHABLE, run("--socket", socket.toString(), "-c", "lb"));
        assertEquals("partial\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("virtlockd-shell: the daemon closed the connection\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aSocketThatIsNotAShellSocketIsExitTwo() throws Exception {
        Path socket = tmp.resolve("s");
        server(socket, "SSH-2.0-OpenSSH_9.2\n", l -> "");
        assertEquals(ShellClient.UNREACHABLE, run("--socket", socket.toString(), "-c", "lb"));
        assertEquals("virtlockd-shell: " + socket + " is not a virtlockd shell socket (it greets with something else)\n",
                err.toString(StandardCharsets.UTF_8));
    }
}
