package org.virtlockd.protocol;

import java.util.List;

/** Byte-exact samples of the spec's Appendix A and section 2.4, captured from libvirt 9.0.0. */
final class Fixtures {
    static final byte[] REGISTER_REPLY = Hex.parse(
            "0000001c 0ea7beef 00000001 00000001 00000001 00000002 00000000");

    static final byte[] ACQUIRE_NOT_REGISTERED_ERROR = Hex.parse(
            "000000f4 0ea7beef 00000001 00000006 00000001 00000000 00000001"
            + "00000037 00000007"
            + "00000001 0000004d \"Requested operation is not valid: lock owner details have not been registered\" 000000"
            + "00000002"
            + "00000000"
            + "00000001 00000024 \"Requested operation is not valid: %s\""
            + "00000001 0000002b \"lock owner details have not been registered\" 00"
            + "00000000"
            + "ffffffff ffffffff"
            + "00000000");

    static final byte[] ACQUIRE_CALL = Hex.parse(
            "00000078 0ea7beef 00000001 00000006 00000000 00000002 00000000"
            + "00000010 \"/srv/lockd/files\""
            + "00000040 \"0191fe380cf587ba1f6d6fe7bc3e17191d3f859784d3ba7cfb140d1c4b741858\""
            + "00000003");

    static final byte[] CREATE_LOCKSPACE_CALL = Hex.parse(
            "00000030 0ea7beef 00000001 00000008 00000000 00000000 00000000 00000010 \"/srv/lockd/files\"");

    /** Payload only (section 2.4): name "testvm", id 42, pid 8822, flags 0. */
    static final byte[] REGISTER_ARGS = Hex.parse(
            "11223344 55667788 99aabbcc ddeeff01 | 00000006 74657374 766d0000 | 0000002a | 00002276 | 00000000");

    static final byte[] GET_LIB_VERSION_REPLY = Hex.parse(
            "00000024 06900690 00000001 00000003 00000001 00000001 00000000 00000000 00895440");

    static final byte[] PING = Hex.parse("0000001c 6b656570 00000001 00000001 00000002 00000000 00000000");

    static final byte[] PONG = Hex.parse("0000001c 6b656570 00000001 00000002 00000002 00000000 00000000");

    /** Payload only (section 5.4): reply to CONNECT_LIST_SERVERS. */
    static final byte[] LIST_SERVERS_RET = Hex.parse(
            "00000002 | 00000009 \"virtlockd\" 000000 | 00000005 \"admin\" 000000 | 00000002");

    /** Every complete frame above, in a fixed order. */
    static final List<byte[]> FRAMES = List.of(REGISTER_REPLY, ACQUIRE_NOT_REGISTERED_ERROR, ACQUIRE_CALL,
            CREATE_LOCKSPACE_CALL, GET_LIB_VERSION_REPLY, PING, PONG);

    private Fixtures() {
    }
}
