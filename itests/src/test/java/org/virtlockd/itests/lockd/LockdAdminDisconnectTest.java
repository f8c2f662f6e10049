package org.virtlockd.itests.lockd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.virtlockd.itests.harness.Daemon.Kind;
import org.virtlockd.itests.harness.ProcLocks.FileKey;
import org.virtlockd.itests.harness.VirtAdmin;

/**
 * virt-admin's client-disconnect of a guest's holder connection (admin CLIENT_CLOSE, spec 5.2): closing it
 * is the holder's end as far as the daemon knows, so the holder rule runs, the locks go and the guest is
 * terminated. The holder is found as an administrator would: srv-clients-list, then client-info's pid.
 */
class LockdAdminDisconnectTest {

    private static final Pattern CLIENT_ROW = Pattern.compile("(?m)^ *(\\d+) +unix ");

    private static long holderClient(LockdFixture f, long holderPid) throws Exception {
        VirtAdmin.Result list = VirtAdmin.run(f.sandbox, "srv-clients-list", "virtlockd");
        assertEquals(0, list.status(), list.text());
        List<Long> ids = new ArrayList<>();
        Matcher m = CLIENT_ROW.matcher(list.stdout());
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        for (long id : ids) {
            VirtAdmin.Result info = VirtAdmin.run(f.sandbox, "client-info", "virtlockd", Long.toString(id));
            if (info.status() == 0 && info.stdout().contains("unix_process_id: " + holderPid + "\n")) {
                return id;
            }
        }
        throw new AssertionError("no client of pid " + holderPid + " among " + ids + ":\n" + list.text());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void disconnectingTheHolderReleasesItsLocksAndTerminatesTheGuest(Kind kind) throws Exception {
        try (LockdFixture f = LockdFixture.open(kind)) {
            Path rw = f.disk("rw.img");
            f.init(null);
            f.define("vm1", 1, rw.toString());
            f.driver.ok("start vm1");
            assertEquals("WRITE", f.lock(rw));
            long id = holderClient(f, f.driver.holderPid("vm1"));

            VirtAdmin.Result r = VirtAdmin.run(f.sandbox, "client-disconnect", "virtlockd", Long.toString(id));
            assertEquals("status 0\nClient '" + id + "' disconnected\n", r.text());
            assertEquals("signal 15", f.driver.ok("wait vm1 10000"), "the daemon SIGTERMs the holder");
            assertTrue(f.awaitReleased(FileKey.of(rw)), "and released its lock");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void disconnectingAHolderOfNothingLeavesTheGuestAlone(Kind kind) throws Exception {
        try (LockdFixture f = LockdFixture.open(kind)) {
            Path rw = f.disk("rw.img");
            f.init(null);
            f.define("vm1", 1, rw.toString());
            f.driver.ok("start vm1 paused");
            long id = holderClient(f, f.driver.holderPid("vm1"));

            assertEquals(0, VirtAdmin.run(f.sandbox, "client-disconnect", "virtlockd", Long.toString(id)).status());
            assertEquals("error -1 -1 the holder did not die in time", f.driver.call("wait vm1 1500"),
                    "no resource lists the pid, so the daemon sends no signal");
            assertEquals("signal 9", f.driver.ok("crash vm1"));
        }
    }
}
