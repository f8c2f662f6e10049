package org.virtlockd.itests.diff;

import static org.virtlockd.itests.diff.Expect.badStatus;
import static org.virtlockd.itests.diff.Expect.noProgram;
import static org.virtlockd.itests.diff.Expect.ok;
import static org.virtlockd.itests.diff.Expect.undecodable;
import static org.virtlockd.itests.diff.Expect.unknownProcedure;
import static org.virtlockd.itests.diff.ProcedureScenarios.owner;
import static org.virtlockd.itests.diff.Req.ACQUIRE;
import static org.virtlockd.itests.diff.Req.CREATE_LOCKSPACE;
import static org.virtlockd.itests.diff.Req.KEEPALIVE;
import static org.virtlockd.itests.diff.Req.LOCK;
import static org.virtlockd.itests.diff.Req.MESSAGE;
import static org.virtlockd.itests.diff.Req.REGISTER;
import static org.virtlockd.itests.diff.Req.REPLY;
import static org.virtlockd.itests.diff.Req.REPLY_WITH_FDS;
import static org.virtlockd.itests.diff.Req.STREAM;
import static org.virtlockd.itests.diff.Req.STREAM_HOLE;
import static org.virtlockd.itests.diff.Req.createLockspace;
import static org.virtlockd.itests.diff.Req.lock;
import static org.virtlockd.itests.diff.Req.register;
import static org.virtlockd.itests.diff.Req.resource;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Dispatch (spec 1.5), keepalive (4), framing and argument decoding (1.3), serials and pipelining (1.4). */
final class WireScenarios {
    /** {@code VIR_NET_MESSAGE_MAX} + 4: the largest length word libvirt accepts. */
    private static final long LENGTH_MAX = 33554436L;
    /** {@code VIR_LOCK_SPACE_PROTOCOL_STRING_MAX}. */
    private static final int STRING_MAX = 65536;

    private WireScenarios() {
    }

    static List<Scenario> all() {
        List<Scenario> all = new ArrayList<>();
        dispatch(all);
        keepalive(all);
        framing(all);
        decoding(all);
        return all;
    }

    private static Req createLs(Session s) {
        return createLockspace(s.path("ls"));
    }

    private static void dispatch(List<Scenario> all) {
        for (int proc : new int[] {0, 9, -1, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            all.add(Scenario.of("unknown procedure " + proc, s ->
                s.open().call(lock(proc, Xdr.of().word(0)), unknownProcedure(proc)).call(createLs(s), ok())));
        }
        all.add(Scenario.of("unknown program, CALL", s ->
            s.open().call(createLs(s).prog(0x12345678), noProgram(0x12345678, 1)).call(createLs(s), ok())));
        all.add(Scenario.of("unknown program and version above 2^31 print as signed", s ->
            s.open().call(createLs(s).prog(0xdeadbeef).vers(-1), noProgram(0xdeadbeef, -1))));
        all.add(Scenario.of("lock program, version 2", s -> s.open().call(createLs(s).vers(2), noProgram(LOCK, 2))));
        all.add(Scenario.of("unknown program, CALL_WITH_FDS with 0 fds", s ->
            s.open().call(createLs(s).prog(0x12345678).withFds(0), noProgram(0x12345678, 1))));
        for (int type : new int[] {REPLY, MESSAGE, STREAM, REPLY_WITH_FDS, STREAM_HOLE, 7, -1}) {
            all.add(Scenario.of("unknown program, type " + type + ": no reply", s ->
                s.open().silent(createLs(s).prog(0x12345678).type(type)).call(createLs(s), ok())));
            all.add(Scenario.of("lock program, type " + type + ": no reply, nothing done", s ->
                s.open().silent(createLs(s).type(type)).silent(register(s.pid(0)).type(type))
                        .call(resource(ACQUIRE, "", s.path("x"), 0), Expect.notRegistered())));
        }
        all.add(Scenario.of("status ERROR on a CALL", s ->
            s.open().call(createLs(s).status(1), badStatus(1)).call(createLs(s).status(2), badStatus(2))
                    .call(createLs(s).status(-1), badStatus(-1)).call(register(s.pid(0)), ok())));
        all.add(Scenario.of("CALL_WITH_FDS with 0 fds is answered with REPLY", s ->
            s.open().call(createLs(s).withFds(0), ok()).call(register(s.pid(0)).withFds(0), ok())));
        all.add(Scenario.of("CALL_WITH_FDS with 33 fds closes the connection", s ->
            s.open().closes(createLs(s).withFds(33))));
        all.add(Scenario.of("CALL_WITH_FDS without its count word closes the connection", s ->
            s.open().closes(createLs(s).withFds(0).payload(new byte[0]))));
        all.add(Scenario.of("CALL_WITH_FDS announcing 1 fd that never comes: closed at the next bytes", s ->
            s.open().waits(createLs(s).withFds(1)).closes(Req.ping())));
        all.add(Scenario.of("serial 0xdeadbeef is echoed, on success and on error", s ->
            s.open().call(createLs(s).serial(0xdeadbeef), ok()).call(lock(0, Xdr.of()).serial(0xdeadbeef),
                    unknownProcedure(0))));
        all.add(Scenario.of("pipelined requests are answered in order", s -> {
            String ls = s.path("ls");
            s.open().pipeline(new Req[] {
                createLockspace(ls), register(s.pid(0)), resource(ACQUIRE, ls, "r", 2), resource(ACQUIRE, ls, "r", 2),
                lock(9, Xdr.of()), Req.ping(), resource(Req.RELEASE, ls, "r", 0)
            }, new Expect[] {
                ok(), ok(), ok(), Expect.locked("r"), unknownProcedure(9), call -> Req.keepalive(2).encode(0), ok()
            });
        }));
    }

    private static void keepalive(List<Scenario> all) {
        all.add(Scenario.of("keepalive PING is answered with PONG", s ->
            s.open().call(Req.ping(), call -> Req.keepalive(2).encode(0))));
        all.add(Scenario.of("keepalive PING with serial 5 and a payload: PONG with serial 0", s ->
            s.open().call(Req.ping().serial(5).payload(new byte[] {0, 0, 0, 1}), call -> Req.keepalive(2).encode(0))));
        all.add(Scenario.of("keepalive PONG and unknown keepalive procedures get no reply", s ->
            s.open().silent(Req.keepalive(2)).silent(Req.keepalive(3)).silent(Req.keepalive(0)).silent(Req.keepalive(-1))));
        all.add(Scenario.of("keepalive program as a CALL is an unknown program", s ->
            s.open().call(Req.ping().type(0), noProgram(KEEPALIVE, 1))));
        all.add(Scenario.of("keepalive version 2 MESSAGE gets no reply", s -> s.open().silent(Req.ping().vers(2))));
        all.add(Scenario.of("keepalive PING on a restricted connection", s ->
            owner(s, 0).call(Req.restrict(0), ok()).call(Req.ping(), call -> Req.keepalive(2).encode(0))));
    }

    private static void framing(List<Scenario> all) {
        all.add(Scenario.of("length word 0 closes the connection", s -> s.open().closes(Req.rawLength(0, new byte[0]))));
        all.add(Scenario.of("length word 3 closes the connection", s -> s.open().closes(Req.rawLength(3, new byte[0]))));
        all.add(Scenario.of("length word 4 closes the connection", s -> s.open().closes(Req.rawLength(4, new byte[0]))));
        all.add(Scenario.of("length word 27 with 23 bytes closes the connection", s ->
            s.open().closes(Req.rawLength(27, new byte[23]))));
        all.add(Scenario.of("length word 28 with a zero header: program 0", s ->
            s.open().call(Req.rawLength(28, new byte[24]), call -> Expect.noProgram(0, 0).reply(
                    new org.virtlockd.protocol.Header(0, 0, 0, 0, 0, 0)))));
        all.add(Scenario.of("length word above the maximum closes the connection", s ->
            s.open().closes(Req.rawLength(LENGTH_MAX + 1, new byte[24]))));
        all.add(Scenario.of("length word 0xffffffff closes the connection", s ->
            s.open().closes(Req.rawLength(0xffffffffL, new byte[24]))));
        all.add(Scenario.of("length word at the maximum is accepted and waited for", s ->
            s.open().waits(Req.rawLength(LENGTH_MAX, createLs(s).encode(0)))));
        all.add(Scenario.of("a frame sent one byte at a time", s ->
            s.open().trickle(createLs(s), ok()).trickle(register(s.pid(0)), ok())));
    }

    private static void decoding(List<Scenario> all) {
        all.add(Scenario.of("truncated REGISTER arguments, then the connection still works", s ->
            s.open().call(lock(REGISTER, Xdr.of().raw(new byte[8])), undecodable())
                    .call(lock(REGISTER, Xdr.of().uuid(Req.OWNER_UUID).string("vm").word(7).word(s.pid(0))), undecodable())
                    .call(register(s.pid(0)), ok())));
        all.add(Scenario.of("RESTRICT without arguments", s ->
            owner(s, 0).call(Req.lock(Req.RESTRICT, Xdr.of()), undecodable()).call(Req.restrict(0), ok())));
        all.add(Scenario.of("string longer than 65536 bytes, then the connection still works", s ->
            s.open().call(lock(CREATE_LOCKSPACE, Xdr.of().opaque(new byte[STRING_MAX + 1])), undecodable())
                    .call(createLs(s), ok())));
        all.add(Scenario.of("string length 0xffffffff with 4 bytes", s ->
            s.open().call(lock(CREATE_LOCKSPACE, Xdr.of().word(-1).word(0)), undecodable()).call(createLs(s), ok())));
        all.add(Scenario.of("string length beyond the frame", s ->
            s.open().call(lock(CREATE_LOCKSPACE, Xdr.of().word(100).raw(Req.utf8("/tmp"))), undecodable())));
        all.add(Scenario.of("string of exactly 65536 bytes is accepted", s -> {
            byte[] name = new byte[STRING_MAX];
            java.util.Arrays.fill(name, (byte) 'a');
            name[0] = '/';
            s.open().call(lock(CREATE_LOCKSPACE, Xdr.of().opaque(name)),
                    Expect.system("Unable to create lockspace " + new String(name, java.nio.charset.StandardCharsets.US_ASCII),
                            36, "File name too long"));
        }));
        all.add(Scenario.of("bytes after the arguments are ignored", s ->
            s.open().call(lock(CREATE_LOCKSPACE, Xdr.of().string(s.path("ls")).word(1).word(2)), ok())
                    .call(Req.newLockspace(s.path("ls"), 0), Expect.notRegistered())));
        all.add(Scenario.of("owner name of 65536 bytes is accepted, 65537 is not", s -> {
            byte[] name = new byte[STRING_MAX];
            java.util.Arrays.fill(name, (byte) 'n');
            s.open().call(lock(REGISTER, Xdr.of().uuid(Req.OWNER_UUID).opaque(name).word(7).word(s.pid(0)).word(0)), ok())
                    .call(lock(REGISTER, Xdr.of().uuid(Req.OWNER_UUID).opaque(concat(name, new byte[] {'n'})).word(7)
                            .word(s.pid(0)).word(0)), undecodable());
        }));
        all.add(Scenario.of("undecodable arguments of an unknown procedure: unknown procedure first", s ->
            s.open().call(lock(42, Xdr.of().word(-1)), unknownProcedure(42))));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return ByteBuffer.allocate(a.length + b.length).put(a).put(b).array();
    }
}
