package org.virtlockd.lockprogram.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtlockd.lockprogram.internal.Harness.NOT_REGISTERED;
import static org.virtlockd.lockprogram.internal.Harness.assertError;
import static org.virtlockd.lockprogram.internal.Harness.assertOk;
import static org.virtlockd.protocol.LockProcedure.ACQUIRE_RESOURCE;
import static org.virtlockd.protocol.LockProcedure.CREATE_RESOURCE;
import static org.virtlockd.protocol.LockProcedure.DELETE_RESOURCE;
import static org.virtlockd.protocol.LockProcedure.NEW;
import static org.virtlockd.protocol.LockProcedure.RELEASE_RESOURCE;
import static org.virtlockd.protocol.LockProcedure.RESTRICT;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtlockd.lockprogram.ProcedureCount;
import org.virtlockd.protocol.LockProtocol;
import org.virtlockd.protocol.NewArgs;
import org.virtlockd.protocol.RestrictArgs;
import org.virtlockd.protocol.XdrException;
import org.virtlockd.protocol.XdrReader;
import org.virtlockd.transport.RpcResult;

/** REGISTER, RESTRICT, NEW, CREATE_LOCKSPACE, unknown procedures, decoding and counters (spec 2.2). */
class ProceduresTest {

    @TempDir
    Path tmp;

    private final Harness harness = new Harness();
    private String lockspace;

    @BeforeEach
    void createLockspace() throws Exception {
        lockspace = harness.lockspaceIn(tmp);
    }

    @Test
    void registerWithIdZeroIsRefusedAndLeavesTheConnectionUnregistered() throws Exception {
        FakeSession session = new FakeSession(1, 100);
        assertError(55, 7, NOT_REGISTERED, harness.register(session, 0, 4242));
        assertError(55, 7, NOT_REGISTERED, harness.restrict(session));
    }

    @Test
    void restrictForbidsEveryProcedure() throws Exception {
        FakeSession session = new FakeSession(1, 100);
        harness.register(session, 42, 4242);
        assertOk(harness.restrict(session));
        String denied = "operation forbidden: lock manager connection has been restricted";
        assertError(29, 7, denied, harness.register(session, 42, 4242));
        assertError(29, 7, denied, harness.call(session, RESTRICT, new RestrictArgs(0)::encode));
        assertError(29, 7, denied, harness.call(session, NEW, new NewArgs(tmp.resolve("n").toString(), 0)::encode));
        for (var procedure : List.of(CREATE_RESOURCE, DELETE_RESOURCE, ACQUIRE_RESOURCE, RELEASE_RESOURCE)) {
            assertError(29, 7, denied, harness.resource(session, procedure, lockspace, "r", 0));
        }
        assertError(29, 7, denied, harness.createLockspace(session, lockspace));
        assertFalse(Files.exists(tmp.resolve("n")));
    }

    @Test
    void createLockspaceNeedsNoRegistrationAndIsIdempotent() throws Exception {
        FakeSession session = new FakeSession(1, 100);
        String fresh = tmp.resolve("a/b").toString();
        assertOk(harness.createLockspace(session, fresh));
        assertTrue(Files.isDirectory(Path.of(fresh)));
        assertOk(harness.createLockspace(session, fresh));
        assertOk(harness.createLockspace(session, ""));
    }

    @Test
    void newRefusesTheDefaultLockspaceInTheRpcDomain() throws Exception {
        FakeSession session = new FakeSession(1, 100);
        harness.register(session, 42, 4242);
        assertError(55, 7, "Requested operation is not valid: the default lockspace already exists",
                harness.call(session, NEW, new NewArgs("", 0)::encode));
        String fresh = tmp.resolve("new").toString();
        assertOk(harness.call(session, NEW, new NewArgs(fresh, 0)::encode));
        assertTrue(harness.lockSpaces.exists(fresh));
    }

    @Test
    void unknownProceduresAreAnsweredAsLibvirtDoes() throws Exception {
        FakeSession session = new FakeSession(1, 100);
        for (int proc : new int[] {0, -1, 9, Integer.MAX_VALUE}) {
            RpcResult result = harness.call(session, proc, w -> { });
            assertError(39, 7, "unknown procedure: " + proc, result);
        }
        assertEquals(4, harness.program.stats().unknown());
    }

    @Test
    void undecodableArgumentsReachTheTransportAndCountAsErrors() {
        FakeSession session = new FakeSession(1, 100);
        byte[] truncated = new byte[] {0, 0, 0, 8, 'a', 'b'};
        assertThrows(XdrException.class, () -> harness.program.call(session,
                Harness.header(CREATE_RESOURCE.number(), 0), new XdrReader(truncated)));
        assertEquals(1, harness.program.stats().calls(CREATE_RESOURCE));
        assertEquals(1, harness.program.stats().errors(CREATE_RESOURCE));
    }

    @Test
    void countersAndErrorLog() throws Exception {
        FakeSession session = new FakeSession(1, 100);
        harness.resource(session, ACQUIRE_RESOURCE, lockspace, "r", 0);
        harness.register(session, 5, 55);
        assertOk(harness.resource(session, ACQUIRE_RESOURCE, lockspace, "r", LockProtocol.FLAG_AUTOCREATE));
        ProcedureCount acquire = harness.program.stats().snapshot().get(ACQUIRE_RESOURCE.number() - 1);
        assertEquals(new ProcedureCount("ACQUIRE_RESOURCE", ACQUIRE_RESOURCE.number(), 2, 1), acquire);
        assertEquals(List.of(NOT_REGISTERED), harness.log.errors);
        assertEquals(List.of("ownerName=testvm ownerId=5 ownerPid=55"), harness.log.debug);
    }
}
