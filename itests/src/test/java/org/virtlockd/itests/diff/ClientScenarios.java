package org.virtlockd.itests.diff;

import java.util.List;
import java.util.UUID;

import org.virtlockd.client.LockClient;

/**
 * libvirt's lockd plugin sequences (spec 2.4) driven through our {@link LockClient}: checks the client
 * against libvirt's daemon and compares the outcomes with ours. Hashes stand for indirect disk names.
 */
final class ClientScenarios {
    private static final UUID DOMAIN = UUID.fromString("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
    private static final String DISK = "0191fe380cf587ba1f6d6fe7bc3e17191d3f859784d3ba7cfb140d1c4b741858";
    private static final String LOCKED = "87/51 resource busy: Lockspace resource '" + DISK + "' is locked";

    private ClientScenarios() {
    }

    static List<Scenario> all() {
        return List.of(Scenario.of("lockd plugin sequence through LockClient: start, run, pause, resume, conflict", s -> {
            String files = s.path("files");
            s.mkdirs("");
            s.touch("shared.img");
            String shared = s.path("shared.img");
            LockClient startup = s.client();
            s.outcome("driver start: CREATE_LOCKSPACE", "ok", () -> startup.createLockspace(files));
            startup.close();
            LockClient holder = s.client();
            s.outcome("domain start: REGISTER", "ok", () -> holder.register(DOMAIN, "vm1", 3, s.pid(0)))
                    .outcome("domain start: RESTRICT", "ok", holder::restrict);
            for (String phase : new String[] {"resume", "resume again"}) {
                LockClient resume = s.client();
                s.outcome(phase + ": REGISTER", "ok", () -> resume.register(DOMAIN, "vm1", 3, s.pid(0)))
                        .outcome(phase + ": ACQUIRE indirect", "ok", () -> resume.acquire(files, DISK, false, true))
                        .outcome(phase + ": ACQUIRE direct shared", "ok", () -> resume.acquire("", shared, true, false));
                resume.close();
                s.files("after " + phase);
                if (phase.equals("resume")) {
                    LockClient pause = s.client();
                    s.outcome("pause: REGISTER", "ok", () -> pause.register(DOMAIN, "vm1", 3, s.pid(0)))
                            .outcome("pause: RELEASE indirect", "ok", () -> pause.release(files, DISK))
                            .outcome("pause: RELEASE direct shared", "ok", () -> pause.release("", shared));
                    pause.close();
                }
            }
            LockClient other = s.client();
            s.outcome("other domain: REGISTER", "ok", () -> other.register(UUID.randomUUID(), "vm2", 4, s.pid(1)))
                    .outcome("other domain: ACQUIRE indirect", LOCKED, () -> other.acquire(files, DISK, false, true))
                    .outcome("other domain: ACQUIRE direct shared", "ok", () -> other.acquire("", shared, true, false))
                    .outcome("holder: ACQUIRE is restricted",
                            "29/7 operation forbidden: lock manager connection has been restricted",
                            () -> holder.acquire(files, DISK, false, true))
                    .outcome("holder: PING", "ok", holder::ping)
                    .outcome("other domain: unknown procedure 42", "39/7 unknown procedure: 42",
                            () -> other.call(42, w -> { }))
                    .outcome("other domain: still usable", "ok", other::ping);
        }));
    }
}
