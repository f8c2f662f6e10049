package org.virtlockd.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/** The shell socket with a real Gogo runtime (no framework): hello, commands, failures, refusals, close. */
class ShellListenerTest {

    private static final int TIMEOUT_MILLIS = 10_000;

    @TempDir
    Path tmp;

    private final ThreadIOImpl threadIO = new ThreadIOImpl();
    private CommandProcessorImpl processor;
    private Path socket;
    private ShellListener listener;
    private final List<AFUNIXSocket> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        threadIO.start();
        processor = new CommandProcessorImpl(threadIO);
        LockCommands commands = new LockCommands(new FakeLockSpaces());
        processor.addCommand("lockd", commands, "lockspaces");
        processor.addCommand("lockd", commands, "resources");
        processor.addCommand("test", new Say(), "say");
        socket = tmp.resolve("run/virtlockd-shell-sock");
        listener = ShellListener.open(socket, ShellServer.effectiveUid(), 2, processor, new ShellLog(() -> null));
    }

    /** A command that prints through System.out, as Felix's and Gogo's commands do. */
    public static final class Say {
        public void say(String text) {
            System.out.println(text);
        }
    }

    @AfterEach
    void stop() throws Exception {
        for (AFUNIXSocket c : clients) {
            c.close();
        }
        listener.close();
        processor.stop();
        threadIO.stop();
    }

    private BufferedReader connect() throws IOException {
        AFUNIXSocket s = AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(socket));
        s.setSoTimeout(TIMEOUT_MILLIS);
        clients.add(s);
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
    }

    private void send(String line) throws IOException {
        clients.get(clients.size() - 1).getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** @return the reply lines up to and including the status line */
    private static List<String> reply(BufferedReader in) throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            lines.add(line);
            if (line.startsWith("s ")) {
                break;
            }
        }
        return lines;
    }

    @Test
    void theSocketIsPrivateToItsOwner() throws Exception {
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
    }

    @Test
    void helloThenOneReplyPerCommandLine() throws Exception {
        BufferedReader in = connect();
        assertEquals("h virtlockd-shell 1", in.readLine());
        send("lockd:lockspaces");
        assertEquals(List.of("o LOCKSPACE  RESOURCES", "o (default)  0", "s 0"), reply(in));
        send("lockspaces");
        assertEquals(List.of("o LOCKSPACE  RESOURCES", "o (default)  0", "s 0"), reply(in), "scope lockd comes first");
        send("   ");
        assertEquals(List.of("s 0"), reply(in));
    }

    @Test
    void printedTextIsUtf8WhateverTheLocale() throws Exception {
        BufferedReader in = connect();
        in.readLine();
        send("test:say \"é ü ✓\"");
        assertEquals(List.of("o é ü ✓", "s 0"), reply(in));
    }

    @Test
    void theSessionKeepsVariablesBetweenLines() throws Exception {
        BufferedReader in = connect();
        in.readLine();
        send("x = 42");
        assertEquals(List.of("o 42", "s 0"), reply(in));
        send("$x");
        assertEquals(List.of("o 42", "s 0"), reply(in));
    }

    @Test
    void mistakesGiveAMessageAndStatusOneAndTheSessionGoesOn() throws Exception {
        BufferedReader in = connect();
        in.readLine();
        send("nosuch");
        assertEquals(List.of("e Command not found: nosuch", "s 1"), reply(in));
        send("lockd:resources /nope");
        assertEquals(List.of("e no lockspace '/nope' (lockd:lockspaces lists them)", "s 1"), reply(in));
        send("lockd:resources a b");
        List<String> coerce = reply(in);
        assertTrue(coerce.get(0).startsWith("e Cannot coerce resources("), coerce.toString());
        send("{ unclosed");
        List<String> syntax = reply(in);
        assertEquals("s 1", syntax.get(syntax.size() - 1), syntax.toString());
        send("lockd:lockspaces");
        assertEquals("s 0", reply(in).get(2));
    }

    @Test
    void consoleAndTelnetCommandsAreRefusedUnderEveryName() throws Exception {
        BufferedReader in = connect();
        in.readLine();
        for (String command : new String[] {"gosh --login", "gogo:sh", "telnetd start"}) {
            send(command);
            List<String> lines = reply(in);
            assertEquals(2, lines.size(), lines.toString());
            assertTrue(lines.get(0).matches("e (gosh|sh|telnetd) is not available in the daemon's shell: .*"), lines.toString());
            assertEquals("s 1", lines.get(1));
        }
    }

    @Test
    void aTooLongLineIsRefusedAndTheConnectionClosed() throws Exception {
        BufferedReader in = connect();
        in.readLine();
        send("x".repeat(ShellProtocol.MAX_REQUEST + 1));
        assertEquals(List.of("e command line longer than 65536 bytes", "s 1"), reply(in));
        assertNull(in.readLine());
    }

    @Test
    void anotherUidIsRefusedWithOneLine() throws Exception {
        listener.close();
        listener = ShellListener.open(socket, 12345, 2, processor, new ShellLog(() -> null));
        BufferedReader in = connect();
        String line = in.readLine();
        assertTrue(line.startsWith("r uid " + ShellServer.effectiveUid() + " may not use the shell of a daemon running as uid 12345"), line);
        assertNull(in.readLine());
    }

    @Test
    void sessionsBeyondTheLimitAreRefused() throws Exception {
        BufferedReader first = connect();
        BufferedReader second = connect();
        assertEquals("h virtlockd-shell 1", first.readLine());
        assertEquals("h virtlockd-shell 1", second.readLine());
        BufferedReader third = connect();
        assertEquals("r too many shell sessions (at most 2)", third.readLine());
        clients.get(0).close();
        long deadline = System.nanoTime() + TIMEOUT_MILLIS * 1_000_000L;
        String greeting;
        do {
            greeting = connect().readLine();
        } while (!"h virtlockd-shell 1".equals(greeting) && System.nanoTime() < deadline);
        assertEquals("h virtlockd-shell 1", greeting, "a session that ended frees its place");
    }

    @Test
    void closingEndsTheSessionsAndUnlinksTheSocket() throws Exception {
        BufferedReader in = connect();
        in.readLine();
        listener.close();
        assertNull(in.readLine());
        assertFalse(Files.exists(socket));
    }
}
