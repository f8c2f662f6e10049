package org.virtlockd.lockprogram.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.virtlockd.lockprogram.internal.Harness.assertError;
import static org.virtlockd.lockprogram.internal.Harness.assertOk;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.virtlockd.protocol.CreateLockspaceArgs;
import org.virtlockd.protocol.LockProcedure;
import org.virtlockd.protocol.LockProtocol;
import org.virtlockd.protocol.NewArgs;
import org.virtlockd.protocol.RegisterArgs;
import org.virtlockd.protocol.ResourceArgs;
import org.virtlockd.protocol.RestrictArgs;
import org.virtlockd.protocol.XdrWriter;
import org.virtlockd.transport.RpcResult;

/**
 * Every procedure against every combination of connection state, flags and lockspace, expecting the first
 * failing check of the spec's table (2.2): flags (1–7) → restricted (1–8) → registered (2–7) → lockspace
 * (4–7) → the operation.
 */
class CheckOrderTest {

    enum State { FRESH, REGISTERED, RESTRICTED }

    private static final int BAD_FLAG = 0x80;

    @TempDir
    Path tmp;

    private final Harness harness = new Harness();

    static Stream<Arguments> table() {
        List<Arguments> rows = new ArrayList<>();
        for (LockProcedure procedure : LockProcedure.values()) {
            for (State state : State.values()) {
                for (boolean badFlags : new boolean[] {false, true}) {
                    for (boolean missingLockspace : new boolean[] {false, true}) {
                        if (procedure == LockProcedure.CREATE_LOCKSPACE && badFlags) {
                            continue; // no flags field
                        }
                        rows.add(Arguments.of(procedure, state, badFlags, missingLockspace));
                    }
                }
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} {1} badFlags={2} missingLockspace={3}")
    @MethodSource("table")
    void firstFailingCheckWins(LockProcedure procedure, State state, boolean badFlags, boolean missingLockspace)
            throws Exception {
        String existing = tmp.resolve("ls").toString();
        String path = missingLockspace ? tmp.resolve("missing").toString() : existing;
        FakeSession session = new FakeSession(1, 1000);
        assertOk(harness.createLockspace(session, existing));
        if (state != State.FRESH) {
            assertOk(harness.register(session, 42, 4242));
        }
        if (state == State.RESTRICTED) {
            assertOk(harness.restrict(session));
        }
        int flags = badFlags ? BAD_FLAG : goodFlags(procedure);
        ProcedureStats stats = harness.program.stats();
        long calls = stats.calls(procedure);
        long errors = stats.errors(procedure);

        RpcResult result = harness.call(session, procedure, args(procedure, path, flags));

        int n = procedure.number();
        if (badFlags) {
            assertError(8, 7, "unsupported flags (0x80) in function " + procedure.cFunction(), result);
        } else if (state == State.RESTRICTED) {
            assertError(29, 7, "operation forbidden: lock manager connection has been restricted", result);
        } else if (state == State.FRESH && n >= 2 && n <= 7) {
            assertError(55, 7, "Requested operation is not valid: lock owner details have not been registered",
                    result);
        } else if (missingLockspace && n >= 4 && n <= 7) {
            assertError(1, 7, "internal error: Lockspace for path " + path + " does not exist", result);
        } else {
            assertOperation(procedure, path, missingLockspace, result);
        }
        assertEquals(calls + 1, stats.calls(procedure));
        assertEquals(errors + (result.error() == null ? 0 : 1), stats.errors(procedure));
    }

    private static void assertOperation(LockProcedure procedure, String path, boolean missing, RpcResult result) {
        switch (procedure) {
            case NEW -> {
                if (missing) {
                    assertOk(result);
                } else {
                    assertError(1, 7, "internal error: Lockspace for path " + path + " already exists", result);
                }
            }
            case RELEASE_RESOURCE -> assertError(87, 51, "resource busy: Lockspace resource 'res' is not locked", result);
            default -> assertOk(result);
        }
    }

    private static int goodFlags(LockProcedure procedure) {
        return procedure == LockProcedure.ACQUIRE_RESOURCE ? LockProtocol.FLAG_SHARED | LockProtocol.FLAG_AUTOCREATE : 0;
    }

    private static Consumer<XdrWriter> args(LockProcedure procedure, String path, int flags) {
        return switch (procedure) {
            case REGISTER -> new RegisterArgs(Harness.owner(7, 77), flags)::encode;
            case RESTRICT -> new RestrictArgs(flags)::encode;
            case NEW -> new NewArgs(path, flags)::encode;
            case CREATE_LOCKSPACE -> new CreateLockspaceArgs(path)::encode;
            default -> new ResourceArgs(path, "res", flags)::encode;
        };
    }
}
