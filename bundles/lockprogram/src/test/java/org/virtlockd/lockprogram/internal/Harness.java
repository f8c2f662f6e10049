package org.virtlockd.lockprogram.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.virtlockd.api.LockSpaces;
import org.virtlockd.filelock.internal.NativeFileLocks;
import org.virtlockd.lockspace.internal.LockSpacesComponent;
import org.virtlockd.protocol.CreateLockspaceArgs;
import org.virtlockd.protocol.Header;
import org.virtlockd.protocol.LockProcedure;
import org.virtlockd.protocol.LockProtocol;
import org.virtlockd.protocol.Owner;
import org.virtlockd.protocol.RegisterArgs;
import org.virtlockd.protocol.ResourceArgs;
import org.virtlockd.protocol.RestrictArgs;
import org.virtlockd.protocol.RpcError;
import org.virtlockd.protocol.XdrException;
import org.virtlockd.protocol.XdrReader;
import org.virtlockd.protocol.XdrWriter;
import org.virtlockd.transport.RpcResult;

/** The program on the real lockspace model and fcntl backend, with recording fencing and log. */
final class Harness {

    static final UUID VM_UUID = UUID.fromString("11223344-5566-7788-99aa-bbccddeeff01");
    /** The guard's text for lock procedures before REGISTER (spec 2.2). */
    static final String NOT_REGISTERED = "Requested operation is not valid: lock owner details have not been registered";

    /** Keeps the debug and error lines instead of printing them. */
    static final class RecordingLog extends DispatchLog {
        final List<String> debug = new ArrayList<>();
        final List<String> errors = new ArrayList<>();

        RecordingLog() {
            super(() -> null);
        }

        @Override
        void debug(java.util.function.Supplier<String> message) {
            debug.add(message.get());
        }

        @Override
        void error(String message) {
            errors.add(message);
        }
    }

    final LockSpaces lockSpaces = new LockSpacesComponent(new NativeFileLocks());
    final RecordingFencing fencing = new RecordingFencing(lockSpaces);
    final RecordingLog log = new RecordingLog();
    final LockProgramComponent program = new LockProgramComponent(lockSpaces, fencing, log);

    static Owner owner(long id, long pid) {
        return new Owner(VM_UUID, "testvm", id, pid);
    }

    static byte[] encode(Consumer<XdrWriter> args) {
        XdrWriter writer = new XdrWriter();
        args.accept(writer);
        return writer.toByteArray();
    }

    static Header header(int proc, int serial) {
        return Header.call(LockProtocol.PROGRAM, LockProtocol.VERSION, proc, serial);
    }

    RpcResult call(FakeSession session, int proc, Consumer<XdrWriter> args) throws XdrException {
        return program.call(session, header(proc, 0), new XdrReader(encode(args)));
    }

    RpcResult call(FakeSession session, LockProcedure proc, Consumer<XdrWriter> args) throws XdrException {
        return call(session, proc.number(), args);
    }

    RpcResult register(FakeSession session, long id, long pid) throws XdrException {
        return call(session, LockProcedure.REGISTER, new RegisterArgs(owner(id, pid), 0)::encode);
    }

    RpcResult restrict(FakeSession session) throws XdrException {
        return call(session, LockProcedure.RESTRICT, new RestrictArgs(0)::encode);
    }

    /** Creates the lockspace {@code <dir>/lockspace} through the program; @return its path */
    String lockspaceIn(java.nio.file.Path dir) throws XdrException {
        String path = dir.resolve("lockspace").toString();
        assertOk(createLockspace(new FakeSession(99, 99), path));
        return path;
    }

    RpcResult createLockspace(FakeSession session, String path) throws XdrException {
        return call(session, LockProcedure.CREATE_LOCKSPACE, new CreateLockspaceArgs(path)::encode);
    }

    RpcResult resource(FakeSession session, LockProcedure proc, String path, String name, int flags)
            throws XdrException {
        return call(session, proc, new ResourceArgs(path, name, flags)::encode);
    }

    static void assertOk(RpcResult result) {
        assertNull(result.error(), () -> "unexpected error: " + result.error());
        assertNotNull(result.payload());
        assertEquals(0, encode(result.payload()).length, "lock procedures reply with an empty payload");
    }

    static RpcError assertError(int code, int domain, String message, RpcResult result) {
        RpcError error = result.error();
        assertNotNull(error, "expected an error reply");
        assertEquals(code + "/" + domain + " " + message, error.code() + "/" + error.domain() + " " + error.message());
        return error;
    }
}
