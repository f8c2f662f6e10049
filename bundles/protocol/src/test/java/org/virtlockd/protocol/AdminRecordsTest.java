package org.virtlockd.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminRecordsTest {

    @Test
    void typedParamsOfEveryTypeRoundTrip() throws Exception {
        List<TypedParam> params = List.of(
                new TypedParam.IntParam("unix_user_id", -7),
                new TypedParam.UIntParam("maxWorkers", 0xFFFF_FFFFL),
                new TypedParam.LLongParam("l", Long.MIN_VALUE),
                new TypedParam.ULLongParam("ul", -1L),
                new TypedParam.DoubleParam("d", 2.5),
                new TypedParam.BooleanParam("readonly", false),
                new TypedParam.StringParam("unix_user_name", "root"));
        XdrWriter writer = new XdrWriter();
        TypedParam.encodeArray(writer, params, Limits.ADMIN_CLIENT_INFO_PARAMETERS_MAX);
        XdrReader reader = new XdrReader(writer.toByteArray());
        assertEquals(params, TypedParam.decodeArray(reader, Limits.ADMIN_CLIENT_INFO_PARAMETERS_MAX));
        assertEquals(0, reader.remaining());
    }

    @Test
    void typedParamLayout() {
        XdrWriter writer = new XdrWriter();
        new TypedParam.UIntParam("minWorkers", 5).encode(writer);
        new TypedParam.BooleanParam("readonly", true).encode(writer);
        assertEquals(Hex.format(Hex.parse("0000000a \"minWorkers\" 0000 00000002 00000005"
                + "00000008 \"readonly\" 00000006 00000001")), Hex.format(writer.toByteArray()));
    }

    @Test
    void unknownDiscriminantIsADecodeError() {
        byte[] wire = Hex.parse("00000001 \"x\" 000000 00000008 00000000");
        XdrException e = assertThrows(XdrException.class, () -> TypedParam.decode(new XdrReader(wire)));
        assertEquals("typed parameter 'x' has unknown type 8", e.getMessage());
    }

    @Test
    void typedParamArrayLimit() {
        XdrWriter writer = new XdrWriter().writeInt(Limits.ADMIN_SERVER_THREADPOOL_PARAMETERS_MAX + 1);
        assertThrows(XdrException.class, () -> TypedParam.decodeArray(new XdrReader(writer.toByteArray()),
                Limits.ADMIN_SERVER_THREADPOOL_PARAMETERS_MAX));
    }

    @Test
    void clientLayout() throws Exception {
        AdminClient client = new AdminClient(new AdminServer("virtlockd"), 3, 1_700_000_000L,
                AdminProtocol.TRANSPORT_UNIX);
        XdrWriter writer = new XdrWriter();
        client.encode(writer);
        assertEquals(Hex.format(Hex.parse("00000009 \"virtlockd\" 000000 00000000 00000003 00000000 6553f100 00000000")),
                Hex.format(writer.toByteArray()));
        assertEquals(client, AdminClient.decode(new XdrReader(writer.toByteArray())));
    }

    @Test
    void procedureTable() {
        assertEquals(19, AdminProcedure.values().length);
        assertEquals(1, AdminProcedure.CONNECT_OPEN.number());
        assertEquals(10, AdminProcedure.CLIENT_GET_INFO.number());
        assertEquals(13, AdminProcedure.SERVER_SET_CLIENT_LIMITS.number());
        assertEquals(19, AdminProcedure.CONNECT_SET_DAEMON_TIMEOUT.number());
        assertEquals(Optional.of(AdminProcedure.SERVER_UPDATE_TLS_FILES), AdminProcedure.of(18));
        assertEquals(Optional.empty(), AdminProcedure.of(20));
        assertEquals(Optional.of(TypedParamType.STRING), TypedParamType.of(7));
        assertEquals(Optional.empty(), TypedParamType.of(0));
        assertEquals(0x06900690, AdminProtocol.PROGRAM);
        assertEquals(0x6B656570, KeepaliveProtocol.PROGRAM);
    }
}
