package org.virtlockd.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageTest {

    private static byte[] frame(Header header, XdrWriter body) {
        byte[] wire = Frames.encode(header, w -> w.writeOpaqueFixed(body.toByteArray(), body.size()));
        return Arrays.copyOfRange(wire, 4, wire.length);
    }

    private static Header withType(MessageType type) {
        return new Header(LockProtocol.PROGRAM, 1, 8, type.code(), 7, 0);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, Limits.NUM_FDS_MAX})
    void callWithFdsCarriesACountBeforeThePayload(int fds) throws Exception {
        XdrWriter body = new XdrWriter().writeInt(fds);
        new CreateLockspaceArgs("/x").encode(body);
        Message message = Message.decodeFromClient(frame(withType(MessageType.CALL_WITH_FDS), body));
        assertEquals(fds, message.fdCount());
        assertEquals("/x", CreateLockspaceArgs.decode(message.payloadReader()).path());
    }

    @ParameterizedTest
    @ValueSource(ints = {Limits.NUM_FDS_MAX + 1, -1})
    void tooManyFdsCloseTheConnection(int fds) {
        XdrWriter body = new XdrWriter().writeInt(fds);
        FrameException e = assertThrows(FrameException.class,
                () -> Message.decodeFromClient(frame(withType(MessageType.CALL_WITH_FDS), body)));
        assertTrue(e.getMessage().contains(Long.toString(Integer.toUnsignedLong(fds))), e.getMessage());
    }

    @Test
    void missingFdCountClosesTheConnection() {
        assertThrows(FrameException.class,
                () -> Message.decodeFromClient(frame(withType(MessageType.CALL_WITH_FDS), new XdrWriter())));
    }

    @Test
    void serverReadsNoCountForReplyWithFds() throws Exception {
        XdrWriter body = new XdrWriter().writeInt(99);
        Message message = Message.decodeFromClient(frame(withType(MessageType.REPLY_WITH_FDS), body));
        assertEquals(0, message.fdCount());
        assertEquals(99, message.payloadReader().readInt());
        assertThrows(FrameException.class,
                () -> Message.decodeFromServer(frame(withType(MessageType.REPLY_WITH_FDS), body)));
    }

    @Test
    void shortFrameHasNoHeader() {
        assertThrows(FrameException.class, () -> Message.decodeFromClient(new byte[23]));
    }

    @Test
    void unknownTypeAndStatusStayRepresentable() throws Exception {
        Header odd = new Header(0xFFFF_FFFF, -1, -5, 77, 0xdeadbeef, 9);
        Message message = Message.decodeFromClient(frame(odd, new XdrWriter()));
        assertEquals(odd, message.header());
        assertEquals(Optional.empty(), message.header().messageType());
        assertEquals(Optional.empty(), message.header().messageStatus());
        assertEquals(4294967295L, message.header().programNumber());
        Header reply = odd.replyTo(MessageStatus.ERROR);
        assertEquals(new Header(0xFFFF_FFFF, -1, -5, 1, 0xdeadbeef, 1), reply);
        assertEquals(0, message.payload().remaining());
    }

    @Test
    void typeAndStatusNumbers() {
        int[] types = Arrays.stream(MessageType.values()).mapToInt(MessageType::code).toArray();
        assertEquals("[0, 1, 2, 3, 4, 5, 6]", Arrays.toString(types));
        assertEquals(Optional.of(MessageType.STREAM_HOLE), MessageType.of(6));
        assertEquals(Optional.empty(), MessageType.of(7));
        assertEquals(Optional.of(MessageStatus.CONTINUE), MessageStatus.of(2));
        assertEquals(Optional.empty(), MessageStatus.of(-1));
    }
}
