package org.virtlockd.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reply matching as libvirt's client does it: what is accepted, skipped, answered, or fatal. */
class LockClientMatchingTest {

    @TempDir
    Path dir;

    /** A reply to the call {@code c} (header fields read from the received frame) with one field changed. */
    private static byte[] reply(byte[] c, int prog, int vers, int proc, int type, int serial, int status) {
        return Wire.start().frame(prog, vers, proc, type, serial, status);
    }

    static Stream<Arguments> mismatches() {
        return Stream.of(
                Arguments.of("serial + 1", (Function<byte[], byte[]>) c -> reply(c, Wire.LOCK_PROGRAM, 1, Wire.procOf(c), Wire.REPLY, Wire.serialOf(c) + 1, 0)),
                Arguments.of("other proc", (Function<byte[], byte[]>) c -> reply(c, Wire.LOCK_PROGRAM, 1, Wire.procOf(c) + 1, Wire.REPLY, Wire.serialOf(c), 0)),
                Arguments.of("other prog", (Function<byte[], byte[]>) c -> reply(c, 0x06900690, 1, Wire.procOf(c), Wire.REPLY, Wire.serialOf(c), 0)),
                Arguments.of("other vers", (Function<byte[], byte[]>) c -> reply(c, Wire.LOCK_PROGRAM, 2, Wire.procOf(c), Wire.REPLY, Wire.serialOf(c), 0)),
                Arguments.of("type CALL", (Function<byte[], byte[]>) c -> reply(c, Wire.LOCK_PROGRAM, 1, Wire.procOf(c), Wire.CALL, Wire.serialOf(c), 0)),
                Arguments.of("type 7", (Function<byte[], byte[]>) c -> reply(c, Wire.LOCK_PROGRAM, 1, Wire.procOf(c), 7, Wire.serialOf(c), 0)),
                Arguments.of("status CONTINUE", (Function<byte[], byte[]>) c -> reply(c, Wire.LOCK_PROGRAM, 1, Wire.procOf(c), Wire.REPLY, Wire.serialOf(c), 2)),
                Arguments.of("keepalive REPLY", (Function<byte[], byte[]>) c -> reply(c, Wire.KEEPALIVE, 1, 1, Wire.REPLY, 0, 0)),
                Arguments.of("REPLY_WITH_FDS, 1 fd", (Function<byte[], byte[]>) c -> Wire.start().word(1)
                        .frame(Wire.LOCK_PROGRAM, 1, Wire.procOf(c), Wire.REPLY_WITH_FDS, Wire.serialOf(c), 0)),
                Arguments.of("error payload truncated", (Function<byte[], byte[]>) c -> Wire.start().word(1).word(7)
                        .frame(Wire.LOCK_PROGRAM, 1, Wire.procOf(c), Wire.REPLY, Wire.serialOf(c), 1)),
                Arguments.of("length word 27", (Function<byte[], byte[]>) c -> ByteBuffer.allocate(28).putInt(27).array()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mismatches")
    void aReplyThatDoesNotMatchTheCallIsAProtocolErrorAndClosesTheConnection(String name, Function<byte[], byte[]> answer)
            throws Exception {
        try (FakeDaemon daemon = new FakeDaemon(dir, (frame, out) -> out.write(answer.apply(frame)));
             LockClient client = LockClient.over(daemon.connect())) {
            ProtocolException e = assertThrows(ProtocolException.class, () -> client.createLockspace("/x"));
            assertTrue(client.isClosed(), name);
            IOException later = assertThrows(IOException.class, () -> client.createLockspace("/x"));
            assertEquals(e, later.getCause());
            assertEquals(1, daemon.awaitReceived(1).size());
        }
    }

    @Test
    void replyWithFdsAndNoDescriptorsIsAccepted() throws Exception {
        try (FakeDaemon daemon = new FakeDaemon(dir, (c, out) -> out.write(Wire.start().word(0)
                .frame(Wire.LOCK_PROGRAM, 1, Wire.procOf(c), Wire.REPLY_WITH_FDS, Wire.serialOf(c), 0)));
             LockClient client = LockClient.over(daemon.connect())) {
            assertEquals(0, client.call(8, w -> w.writeString("/x", 100)).fdCount());
        }
    }

    @Test
    void eventsStreamsPongsAndUnknownKeepaliveProceduresBeforeTheReplyAreSkipped() throws Exception {
        try (FakeDaemon daemon = new FakeDaemon(dir, (c, out) -> {
            out.write(Wire.start().frame(Wire.LOCK_PROGRAM, 1, Wire.procOf(c), Wire.MESSAGE, Wire.serialOf(c), 0));
            out.write(Wire.start().word(5).frame(Wire.LOCK_PROGRAM, 1, Wire.procOf(c), Wire.STREAM, Wire.serialOf(c), 2));
            out.write(Wire.start().frame(Wire.KEEPALIVE, 1, 2, Wire.MESSAGE, 0, 0));
            out.write(Wire.start().frame(Wire.KEEPALIVE, 1, 9, Wire.MESSAGE, 0, 0));
            out.write(Wire.okReplyTo(c));
        }); LockClient client = LockClient.over(daemon.connect())) {
            client.createLockspace("/x");
            client.createLockspace("/y");
            assertEquals(List.of(0, 1), daemon.awaitReceived(2).stream().map(Wire::serialOf).toList());
        }
    }

    @Test
    void aPingFromTheDaemonIsAnsweredWithPongWhileWaiting() throws Exception {
        byte[] ping = Wire.start().frame(Wire.KEEPALIVE, 1, 1, Wire.MESSAGE, 0, 0);
        byte[] pong = Wire.start().frame(Wire.KEEPALIVE, 1, 2, Wire.MESSAGE, 0, 0);
        try (FakeDaemon daemon = new FakeDaemon(dir, (c, out) -> {
            if (Wire.progOf(c) == Wire.LOCK_PROGRAM) {
                out.write(ping);
            } else {
                out.write(Wire.okReplyTo(ByteBuffer.allocate(28).putInt(28).putInt(Wire.LOCK_PROGRAM).putInt(1)
                        .putInt(8).putInt(0).putInt(0).putInt(0).array()));
            }
        }); LockClient client = LockClient.over(daemon.connect())) {
            client.createLockspace("/x");
            List<byte[]> got = daemon.awaitReceived(2);
            assertArrayEquals(pong, got.get(1));
        }
    }

    @Test
    void aReplyWhilePingingIsAProtocolError() throws Exception {
        try (FakeDaemon daemon = new FakeDaemon(dir, (c, out) ->
                out.write(Wire.start().frame(Wire.LOCK_PROGRAM, 1, 1, Wire.REPLY, 0, 0)));
             LockClient client = LockClient.over(daemon.connect())) {
            assertThrows(ProtocolException.class, client::ping);
            assertTrue(client.isClosed());
        }
    }

    @Test
    void repliesSplitIntoSingleBytesOrJoinedWithOtherFramesAreReassembled() throws Exception {
        try (FakeDaemon daemon = new FakeDaemon(dir, (c, out) -> {
            byte[] ok = Wire.okReplyTo(c);
            if (Wire.serialOf(c) == 0) {
                for (byte b : ok) {
                    out.write(b);
                    out.flush();
                }
            } else {
                byte[] pong = Wire.start().frame(Wire.KEEPALIVE, 1, 2, Wire.MESSAGE, 0, 0);
                out.write(ByteBuffer.allocate(pong.length + ok.length).put(pong).put(ok).array());
            }
        }); LockClient client = LockClient.over(daemon.connect())) {
            client.createLockspace("/x");
            client.createLockspace("/y");
            assertEquals(2, daemon.awaitReceived(2).size());
        }
    }

    @Test
    void theDaemonClosingTheConnectionFailsTheCall() throws Exception {
        try (FakeDaemon daemon = new FakeDaemon(dir, (c, out) -> out.close());
             LockClient client = LockClient.over(daemon.connect())) {
            assertThrows(EOFException.class, () -> client.restrict());
            assertTrue(client.isClosed());
        }
    }
}
