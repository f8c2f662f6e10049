package org.virtlockd.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Builds each captured libvirt message from our records and compares every byte, then decodes it back. */
class AppendixATest {

    private static void assertBytes(byte[] expected, byte[] actual) {
        assertEquals(Hex.format(expected), Hex.format(actual));
    }

    private static byte[] frame(byte[] wire) {
        return Arrays.copyOfRange(wire, 4, wire.length);
    }

    @Test
    void registerSuccessReply() throws Exception {
        Header call = Header.call(LockProtocol.PROGRAM, LockProtocol.VERSION, LockProcedure.REGISTER.number(), 2);
        assertBytes(Fixtures.REGISTER_REPLY, Frames.okReply(call, w -> { }));
        assertBytes(Fixtures.REGISTER_REPLY, Frames.encode(call.replyTo(MessageStatus.OK)));
    }

    @Test
    void acquireErrorReplyIs244BytesExactly() throws Exception {
        Header call = Header.call(LockProtocol.PROGRAM, LockProtocol.VERSION,
                LockProcedure.ACQUIRE_RESOURCE.number(), 0);
        RpcError error = RpcError.ordinary(ErrorCode.OPERATION_INVALID, ErrorDomain.RPC,
                "lock owner details have not been registered");
        byte[] wire = Frames.errorReply(call, error);
        assertEquals(244, wire.length);
        assertBytes(Fixtures.ACQUIRE_NOT_REGISTERED_ERROR, wire);

        Message message = Message.decodeFromServer(frame(wire));
        assertEquals(new Header(LockProtocol.PROGRAM, 1, 6, 1, 0, 1), message.header());
        assertEquals(error, RpcError.decode(message.payloadReader()));
    }

    @Test
    void acquireCallFromLockdPlugin() throws Exception {
        ResourceArgs args = new ResourceArgs("/srv/lockd/files",
                "0191fe380cf587ba1f6d6fe7bc3e17191d3f859784d3ba7cfb140d1c4b741858",
                LockProtocol.FLAG_SHARED | LockProtocol.FLAG_AUTOCREATE);
        Header call = Header.call(LockProtocol.PROGRAM, LockProtocol.VERSION,
                LockProcedure.ACQUIRE_RESOURCE.number(), 2);
        assertBytes(Fixtures.ACQUIRE_CALL, Frames.encode(call, args::encode));

        Message message = Message.decodeFromClient(frame(Fixtures.ACQUIRE_CALL));
        assertEquals(call, message.header());
        assertEquals(args, ResourceArgs.decode(message.payloadReader()));
    }

    @Test
    void createLockspaceCall() throws Exception {
        Header call = Header.call(LockProtocol.PROGRAM, LockProtocol.VERSION,
                LockProcedure.CREATE_LOCKSPACE.number(), 0);
        CreateLockspaceArgs args = new CreateLockspaceArgs("/srv/lockd/files");
        assertBytes(Fixtures.CREATE_LOCKSPACE_CALL, Frames.encode(call, args::encode));
        Message message = Message.decodeFromClient(frame(Fixtures.CREATE_LOCKSPACE_CALL));
        assertEquals(args, CreateLockspaceArgs.decode(message.payloadReader()));
    }

    @Test
    void observedRegisterPayload() throws Exception {
        RegisterArgs args = RegisterArgs.decode(new XdrReader(Fixtures.REGISTER_ARGS));
        assertEquals(UUID.fromString("11223344-5566-7788-99aa-bbccddeeff01"), args.owner().uuid());
        assertEquals("testvm", args.owner().name());
        assertEquals(42, args.owner().id());
        assertEquals(8822, args.owner().pid());
        assertEquals(0, args.flags());
        XdrWriter writer = new XdrWriter();
        args.encode(writer);
        assertBytes(Fixtures.REGISTER_ARGS, writer.toByteArray());
    }

    @Test
    void getLibVersionReply() throws Exception {
        Header call = Header.call(AdminProtocol.PROGRAM, AdminProtocol.VERSION,
                AdminProcedure.CONNECT_GET_LIB_VERSION.number(), 1);
        assertBytes(Fixtures.GET_LIB_VERSION_REPLY, Frames.okReply(call, w -> w.writeUnsignedHyper(9_000_000L)));
        Message message = Message.decodeFromServer(frame(Fixtures.GET_LIB_VERSION_REPLY));
        assertEquals(9_000_000L, message.payloadReader().readUnsignedHyper());
    }

    @Test
    void keepalivePingAndPong() throws Exception {
        assertBytes(Fixtures.PING, Frames.encode(KeepaliveProtocol.ping()));
        assertBytes(Fixtures.PONG, Frames.encode(KeepaliveProtocol.pong()));
        Header ping = Message.decodeFromClient(frame(Fixtures.PING)).header();
        assertEquals(true, KeepaliveProtocol.isPing(ping));
        assertEquals(false, KeepaliveProtocol.isPing(KeepaliveProtocol.pong()));
    }

    @Test
    void listServersReply() throws Exception {
        XdrWriter writer = new XdrWriter();
        writer.writeArray(List.of(new AdminServer("virtlockd"), new AdminServer("admin")),
                Limits.ADMIN_SERVER_LIST_MAX, (w, s) -> s.encode(w));
        writer.writeUnsignedInt(2);
        assertBytes(Fixtures.LIST_SERVERS_RET, writer.toByteArray());

        XdrReader reader = new XdrReader(Fixtures.LIST_SERVERS_RET);
        assertEquals(List.of(new AdminServer("virtlockd"), new AdminServer("admin")),
                reader.readArray(Limits.ADMIN_SERVER_LIST_MAX, AdminServer::decode));
        assertEquals(2, reader.readUnsignedInt());
        assertEquals(0, reader.remaining());
    }

    @Test
    void acquireErrorFieldsAsSpecified() {
        RpcError error = RpcError.ordinary(55, 7, "lock owner details have not been registered");
        assertEquals("Requested operation is not valid: lock owner details have not been registered", error.message());
        assertEquals("Requested operation is not valid: %s", error.str1());
        assertEquals("lock owner details have not been registered", error.str2());
        assertNull(error.str3());
        assertEquals(-1, error.int1());
        assertEquals(-1, error.int2());
        assertEquals(2, error.level());
        assertArrayEquals(new int[] {55, 7}, new int[] {error.code(), error.domain()});
    }
}
