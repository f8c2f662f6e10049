package org.virtlockd.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtlockd.protocol.ErrorCode;
import org.virtlockd.protocol.ErrorDomain;
import org.virtlockd.protocol.Message;
import org.virtlockd.protocol.RpcError;

/** What the client sends and how it reads OK and ERROR replies. */
class LockClientCallTest {

    @TempDir
    Path dir;

    @Test
    void serialsCountFromZeroOnePerCallAndEachConnectionStartsAgain() throws Exception {
        try (FakeDaemon daemon = new FakeDaemon(dir, (frame, out) -> out.write(Wire.okReplyTo(frame)))) {
            try (LockClient client = LockClient.connect(daemon.socket())) {
                client.register(UUID.randomUUID(), "vm", 7, 0);
                client.restrict();
                client.newLockspace("/ls");
                client.createLockspace("/ls");
                client.createResource("/ls", "r");
                client.deleteResource("/ls", "r");
                client.acquire("/ls", "r", false, false);
                client.release("/ls", "r");
            }
            try (LockClient client = LockClient.over(daemon.connect())) {
                client.restrict();
            }
            List<byte[]> got = daemon.awaitReceived(9);
            assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 0), got.stream().map(Wire::serialOf).toList());
            assertEquals(List.of(1, 2, 3, 8, 4, 5, 6, 7, 2), got.stream().map(Wire::procOf).toList());
        }
    }

    @Test
    void registerPayloadIsLibvirtsLayout() throws Exception {
        try (FakeDaemon daemon = new FakeDaemon(dir, (frame, out) -> out.write(Wire.okReplyTo(frame)));
             LockClient client = LockClient.over(daemon.connect())) {
            client.register(UUID.fromString("11223344-5566-7788-99aa-bbccddeeff01"), "testvm", 42, 8822);
            assertEquals("00000044 0ea7beef 00000001 00000001 00000000 00000000 00000000"
                    + " 11223344 55667788 99aabbcc ddeeff01 00000006 74657374 766d0000 0000002a 00002276 00000000",
                    words(daemon.awaitReceived(1).get(0)));
        }
    }

    @Test
    void createLockspaceAndSharedAutocreateAcquireMatchTheAppendixSamples() throws Exception {
        try (FakeDaemon daemon = new FakeDaemon(dir, (frame, out) -> out.write(Wire.okReplyTo(frame)));
             LockClient client = LockClient.over(daemon.connect())) {
            String hash = "0191fe380cf587ba1f6d6fe7bc3e17191d3f859784d3ba7cfb140d1c4b741858";
            client.createLockspace("/srv/lockd/files");
            client.createLockspace("/srv/lockd/other");
            client.acquire("/srv/lockd/files", hash, true, true);
            List<byte[]> got = daemon.awaitReceived(3);
            assertEquals("00000030 0ea7beef 00000001 00000008 00000000 00000000 00000000 00000010"
                    + " 2f737276 2f6c6f63 6b642f66 696c6573", words(got.get(0)));
            assertEquals(Wire.hex(Wire.start().string("/srv/lockd/files").string(hash).word(3)
                    .frame(Wire.LOCK_PROGRAM, 1, 6, Wire.CALL, 2, 0)), Wire.hex(got.get(2)));
            assertEquals(0x78, got.get(2).length);
        }
    }

    @Test
    void acquireFlagsMapSharedAndAutocreate() throws Exception {
        try (FakeDaemon daemon = new FakeDaemon(dir, (frame, out) -> out.write(Wire.okReplyTo(frame)));
             LockClient client = LockClient.over(daemon.connect())) {
            client.acquire("", "/a", false, false);
            client.acquire("", "/a", true, false);
            client.acquire("", "/a", false, true);
            client.acquire("", "/a", true, true);
            List<Integer> flags = daemon.awaitReceived(4).stream()
                    .map(f -> ByteBuffer.wrap(f).getInt(f.length - 4)).toList();
            assertEquals(List.of(0, 1, 2, 3), flags);
        }
    }

    @Test
    void errorReplyIsDecodedAndTheConnectionStaysUsable() throws Exception {
        byte[] appendixError = Wire.start().word(55).word(7)
                .word(1).string("Requested operation is not valid: lock owner details have not been registered")
                .word(2).word(0)
                .word(1).string("Requested operation is not valid: %s")
                .word(1).string("lock owner details have not been registered")
                .word(0).word(-1).word(-1).word(0)
                .frame(Wire.LOCK_PROGRAM, 1, 6, Wire.REPLY, 0, 1);
        assertEquals(244, appendixError.length);
        try (FakeDaemon daemon = new FakeDaemon(dir, (frame, out) ->
                out.write(Wire.serialOf(frame) == 0 ? appendixError : Wire.okReplyTo(frame)));
             LockClient client = LockClient.over(daemon.connect())) {
            LockClientException e = assertThrows(LockClientException.class, () -> client.acquire("", "/x", false, false));
            RpcError expected = new RpcError(55, 7,
                    "Requested operation is not valid: lock owner details have not been registered", 2,
                    "Requested operation is not valid: %s", "lock owner details have not been registered", null, -1, -1);
            assertEquals(expected, e.error());
            assertEquals(expected, RpcError.ordinary(ErrorCode.OPERATION_INVALID, ErrorDomain.RPC,
                    "lock owner details have not been registered"));
            assertEquals(6, e.procedure());
            assertEquals(55, e.code());
            assertEquals(7, e.domain());
            assertEquals(ErrorCode.OPERATION_INVALID, e.errorCode().orElseThrow());
            assertEquals(ErrorDomain.RPC, e.errorDomain().orElseThrow());
            assertEquals(expected.message(), e.getMessage());
            client.release("", "/x");
            assertFalse(client.isClosed());
            assertEquals(List.of(0, 1), daemon.awaitReceived(2).stream().map(Wire::serialOf).toList());
        }
    }

    @Test
    void rawCallReturnsTheReplyWithItsPayload() throws Exception {
        try (FakeDaemon daemon = new FakeDaemon(dir, (frame, out) -> out.write(Wire.start().word(0x01020304)
                .frame(Wire.LOCK_PROGRAM, 1, Wire.procOf(frame), Wire.REPLY, Wire.serialOf(frame), 0)));
             LockClient client = LockClient.over(daemon.connect())) {
            Message reply = client.call(42, w -> w.writeInt(9).writeString("x", 10));
            assertEquals(42, reply.header().proc());
            assertEquals(0x01020304, reply.payloadReader().readInt());
            assertEquals("00000028 0ea7beef 00000001 0000002a 00000000 00000000 00000000 00000009 00000001 78000000",
                    words(daemon.awaitReceived(1).get(0)));
        }
    }

    @Test
    void pingSendsLibvirtsPingWaitsForPongAndUsesNoSerial() throws Exception {
        byte[] ping = Wire.unhex("0000001c 6b656570 00000001 00000001 00000002 00000000 00000000");
        byte[] pong = Wire.unhex("0000001c 6b656570 00000001 00000002 00000002 00000000 00000000");
        try (FakeDaemon daemon = new FakeDaemon(dir, (frame, out) ->
                out.write(Wire.progOf(frame) == Wire.KEEPALIVE ? pong : Wire.okReplyTo(frame)));
             LockClient client = LockClient.over(daemon.connect())) {
            client.ping();
            client.restrict();
            client.ping();
            List<byte[]> got = daemon.awaitReceived(3);
            assertArrayEquals(ping, got.get(0));
            assertEquals(0, Wire.serialOf(got.get(1)));
            assertArrayEquals(ping, got.get(2));
        }
    }

    @Test
    void rejectsTimeoutsThatAreNotPositive() throws Exception {
        try (FakeDaemon daemon = new FakeDaemon(dir, (frame, out) -> { })) {
            assertThrows(IllegalArgumentException.class, () -> LockClient.connect(daemon.socket(), Duration.ZERO));
            assertThrows(IllegalArgumentException.class, () -> LockClient.connect(daemon.socket(), Duration.ofMillis(-1)));
            assertThrows(IllegalArgumentException.class,
                    () -> LockClient.connect(daemon.socket(), Duration.ofDays(30)));
        }
    }

    /** The frame as space-separated 32-bit words in hex. */
    static String words(byte[] frame) {
        String hex = Wire.hex(frame);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 8) {
            b.append(i == 0 ? "" : " ").append(hex, i, Math.min(hex.length(), i + 8));
        }
        return b.toString();
    }
}
