package org.virtlockd.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtlockd.protocol.AdminCallArgs.client;
import static org.virtlockd.protocol.AdminCallArgs.flags;
import static org.virtlockd.protocol.AdminCallArgs.params;
import static org.virtlockd.protocol.AdminCallArgs.name;
import static org.virtlockd.protocol.AdminCallArgs.uint;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.virtlockd.logging.LogSettingsException;
import org.virtlockd.protocol.AdminProtocol;
import org.virtlockd.protocol.Header;
import org.virtlockd.protocol.RpcError;
import org.virtlockd.protocol.TypedParam;
import org.virtlockd.protocol.XdrException;
import org.virtlockd.protocol.XdrReader;

/** Changes: client limits, worker pool, logging, timeout, closing clients; libvirt 9.0.0's answers (live). */
class SettingsProceduresTest {

    private final Calls calls = new Calls(new AccountNames());

    @Test
    void clientLimitsAreMergedWithTheCurrentOnesBeforeTheCheck() throws XdrException {
        assertEquals("95/62 Server not found: no server with matching name 'nope' found",
                calls.error(13, params("nope", 4, uint("nclients", 3))));
        assertEquals("8/62 unsupported flags (0x2) in function adminServerSetClientLimits", calls.error(13, params("virtlockd", 2)));
        assertEquals("8/7 invalid argument: The overall maximum number of clients waiting for authentication must not be less "
                + "than the overall maximum number of clients", calls.error(13, params("virtlockd", 0, uint("nclients_max", 10))));
        assertEquals(1024, calls.daemon.lock.limit);
        assertEquals("no error", calls.error(13, params("virtlockd", 0, uint("nclients_max", 2000), uint("nclients_unauth_max", 10))));
        assertEquals("no error", calls.error(13, params("virtlockd", 0, uint("nclients_max", 4294967295L))));
        assertEquals(4294967295L, calls.daemon.lock.limit);
        assertEquals(10, calls.daemon.lock.unauthLimit);
        assertEquals("74/0 argument unsupported: parameter 'nclients' not supported",
                calls.error(13, params("virtlockd", 0, uint("nclients", 3))));
        assertTrue(calls.call(12, name("virtlockd", 0)).startsWith("000000040000000c6e636c69656e74735f6d617800000002ffffffff"));
    }

    @Test
    void onlyThePriorityWorkersCanChange() throws XdrException {
        assertEquals("no error", calls.error(7, params("admin", 0, uint("prioWorkers", 3))));
        assertEquals("8/0 invalid argument: minWorkers cannot be larger than maxWorkers",
                calls.error(7, params("admin", 0, uint("minWorkers", 1))));
        assertEquals("8/0 invalid argument: maxWorkers must not be switched from zero to non-zero and vice versa",
                calls.error(7, params("admin", 0, uint("maxWorkers", 5))));
        assertEquals("8/0 invalid argument: maxWorkers must not be switched from zero to non-zero and vice versa",
                calls.error(7, params("admin", 0, uint("minWorkers", 5), uint("maxWorkers", 5))));
        assertEquals("no error", calls.error(7, params("admin", 0, uint("maxWorkers", 0))));
        assertEquals("8/62 unsupported flags (0x1) in function adminServerSetThreadPoolParameters", calls.error(7, params("admin", 1)));
        assertEquals("95/62 Server not found: no server with matching name 'nope' found", calls.error(7, params("nope", 0)));
        String get = calls.call(6, name("admin", 0));
        assertTrue(get.contains("7072696f576f726b657273" + "00" + "00000002" + "00000003"), "prioWorkers 3: " + get);
        assertTrue(calls.call(6, name("virtlockd", 0)).contains("7072696f576f726b657273" + "00" + "00000002" + "00000000"),
                "each server has its own pool");
    }

    @Test
    void typedParameterChecksComeBeforeTheFlagsOnlyForLongNames() throws XdrException {
        String longName = "x".repeat(80);
        assertEquals("1/0 internal error: parameter " + longName + " too big for destination",
                calls.error(7, params("admin", 1, uint("minWorkers", 0), uint(longName, 1))));
        assertEquals("74/0 argument unsupported: parameter '" + longName.substring(1) + "' not supported",
                calls.error(7, params("admin", 0, uint(longName.substring(1), 1))));
    }

    @Test
    void loggingTextsAndErrors() throws XdrException {
        calls.logging.filters = List.of("1:*foo*", "2:*bar*");
        calls.logging.outputs = List.of("3:syslog:a", "1:syslog:b");
        assertEquals("00000015" + "333a7379736c6f673a6120313a7379736c6f673a62" + "000000" + "00000002", calls.call(14, flags(0)));
        assertEquals("00000001" + "00000010" + "313a2a666f6f2a20323a2a6261722a20" + "00000002", calls.call(15, flags(0)));
        assertEquals("no error", calls.error(16, w -> w.writeOptionalString(null, 10).writeUnsignedInt(0)));
        assertEquals("no error", calls.error(17, w -> w.writeOptionalString("1:x", 10).writeUnsignedInt(0)));
        assertEquals(List.of("outputs null", "filters 1:x"), calls.logging.calls);
        calls.logging.refuse = new LogSettingsException("failed to open /nonexist/x.log", 2, "No such file or directory");
        assertEquals("38/0 failed to open /nonexist/x.log: No such file or directory",
                calls.error(16, w -> w.writeOptionalString("3:file:/nonexist/x.log", 100).writeUnsignedInt(0)));
        RpcError e = calls.last.error();
        assertEquals(List.of("%s", "failed to open /nonexist/x.log: No such file or directory", "2", "-1"),
                List.of(e.str1(), e.str2(), Integer.toString(e.int1()), Integer.toString(e.int2())));
        calls.logging.refuse = new LogSettingsException("Malformed format for filter 'x'");
        assertEquals("8/0 invalid argument: Malformed format for filter 'x'",
                calls.error(17, w -> w.writeOptionalString("x", 10).writeUnsignedInt(0)));
    }

    @Test
    void timeoutGoesToTheIdleTimeoutService() throws XdrException {
        assertEquals("no error", calls.error(19, w -> w.writeUnsignedInt(30).writeUnsignedInt(0)));
        assertEquals("no error", calls.error(19, w -> w.writeUnsignedInt(0).writeUnsignedInt(0)));
        assertEquals("no error", calls.error(19, w -> w.writeUnsignedInt(0xFFFF_FFFFL).writeUnsignedInt(0)));
        assertEquals(List.of(30, 0, 2_147_483), calls.timeout.set);
        RpcError missing = new AdminProgram(calls.daemon, calls.logging, null, new AccountNames())
                .call(null, Header.call(AdminProtocol.PROGRAM, AdminProtocol.VERSION, 19, 0), new XdrReader(new byte[8])).error();
        assertEquals("1/62 internal error: no idle timeout (org.virtlockd.lifecycle.IdleTimeout) service is available in this daemon",
                missing.code() + "/" + missing.domain() + " " + missing.message());
    }

    @Test
    void closeClosesTheClientAndConnectCloseTheCaller() throws XdrException {
        Fakes.Client holder = calls.daemon.lock.connect(3, 4242, 0);
        assertEquals("no error", calls.error(11, client("virtlockd", 3, 0)));
        assertTrue(holder.closed);
        calls.call(2, w -> { });
        assertTrue(calls.last.closeAfter() && calls.last.error() == null);
        calls.call(1, flags(0));
        assertEquals(false, calls.last.closeAfter());
    }

    @Test
    void typedParametersOfEveryTypeAreNamedInTheTypeError() throws XdrException {
        TypedParam[] wrong = {new TypedParam.IntParam("maxWorkers", 0), new TypedParam.LLongParam("maxWorkers", 0),
            new TypedParam.ULLongParam("maxWorkers", 0), new TypedParam.DoubleParam("maxWorkers", 0),
            new TypedParam.BooleanParam("maxWorkers", false), new TypedParam.StringParam("maxWorkers", "x")};
        String[] names = {"int", "llong", "ullong", "double", "boolean", "string"};
        for (int i = 0; i < wrong.length; i++) {
            assertEquals("8/0 invalid argument: invalid type '" + names[i] + "' for parameter 'maxWorkers', expected 'uint'",
                    calls.error(7, params("admin", 0, wrong[i])));
        }
    }
}
