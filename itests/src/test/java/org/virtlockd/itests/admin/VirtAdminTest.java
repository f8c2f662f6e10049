package org.virtlockd.itests.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.virtlockd.itests.harness.Daemon.Kind;
import org.virtlockd.itests.harness.Transcripts;

/**
 * libvirt's own virt-admin against libvirt's virtlockd and against ours, for every virt-admin command that
 * reaches virtlockd (spec 5.4), with good and bad input: the same commands in the same order on both, and
 * the transcripts (exit status, standard output and error, normalised by {@link AdminRun}) must be equal.
 * Scenarios run in order and each leaves the daemons as it found them.
 */
class VirtAdminTest {

    private static final Path TRANSCRIPTS = Path.of("target", "virt-admin-transcripts");

    private static AdminWorld world;

    interface Body {
        void run(AdminRun r) throws Exception;
    }

    record Scenario(String name, Body body) {
    }

    @BeforeAll
    static void start() throws Exception {
        world = AdminWorld.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (world != null) {
            world.close();
        }
    }

    static List<Scenario> scenarios() {
        List<Scenario> all = new ArrayList<>();
        all.add(new Scenario("version and servers", r -> {
            r.va("version");
            r.va("srv-list");
            r.va("srv-list", "extra");
        }));
        all.add(new Scenario("thread pool information", r -> {
            r.va("srv-threadpool-info", "virtlockd");
            r.va("srv-threadpool-info", "admin");
            r.va("srv-threadpool-info", "nope");
            r.va("srv-threadpool-info");
        }));
        all.add(new Scenario("thread pool changes", r -> {
            r.va("srv-threadpool-set", "virtlockd", "--min-workers", "3");
            r.va("srv-threadpool-set", "virtlockd", "--max-workers", "5");
            r.va("srv-threadpool-set", "virtlockd", "--min-workers", "0", "--max-workers", "0");
            r.va("srv-threadpool-set", "virtlockd", "--min-workers", "abc");
            r.va("srv-threadpool-set", "virtlockd", "--max-workers", "-1");
            r.va("srv-threadpool-set", "virtlockd");
            r.va("srv-threadpool-set", "nope", "--max-workers", "0");
            r.va("srv-threadpool-set", "admin", "--priority-workers", "2");
            r.va("srv-threadpool-info", "admin");
            r.va("srv-threadpool-set", "admin", "--priority-workers", "0");
        }));
        all.add(new Scenario("clients and their identity", r -> {
            r.lockClient("caller", true);
            r.lockClient("silent", false);
            r.va("srv-clients-list", "virtlockd");
            r.va("srv-clients-list", "admin");
            r.va("client-info", "virtlockd", "{caller}");
            r.va("client-info", "virtlockd", "{silent}");
            r.va("client-info", "virtlockd", "987654");
            r.va("client-info", "nope", "{caller}");
            r.va("client-info", "virtlockd", "abc");
            r.va("srv-clients-list", "nope");
            r.va("srv-clients-list");
        }));
        all.add(new Scenario("client disconnect", r -> {
            r.lockClient("first", true);
            r.lockClient("second", false);
            r.va("client-disconnect", "virtlockd", "{second}");
            r.checkClosed("second");
            r.checkClosed("first");
            r.va("client-disconnect", "virtlockd", "{second}");
            r.va("client-disconnect", "nope", "{first}");
            r.va("client-disconnect", "virtlockd", "-1");
            r.va("client-disconnect", "virtlockd", "{first}");
            r.checkClosed("first");
            r.va("srv-clients-list", "virtlockd");
        }));
        all.add(new Scenario("client limits", r -> {
            r.va("srv-clients-info", "virtlockd");
            r.va("srv-clients-info", "admin");
            r.va("srv-clients-info", "nope");
            r.va("srv-clients-set", "virtlockd", "--max-clients", "5");
            r.va("srv-clients-set", "virtlockd", "--max-clients", "2000", "--max-unauth-clients", "10");
            r.va("srv-clients-info", "virtlockd");
            r.va("srv-clients-set", "virtlockd", "--max-unauth-clients", "4294967295");
            r.va("srv-clients-set", "virtlockd", "--max-clients", "1024", "--max-unauth-clients", "1024");
            r.va("srv-clients-info", "virtlockd");
            r.va("srv-clients-set", "virtlockd");
            r.va("srv-clients-set", "virtlockd", "--max-clients", "-1");
            r.va("srv-clients-set", "nope", "--max-clients", "3");
        }));
        all.add(new Scenario("log outputs", r -> {
            r.va("daemon-log-outputs");
            r.va("daemon-log-outputs", "--outputs", "1:stderr 3:file:{logdir}/a.log 2:stderr");
            r.va("daemon-log-outputs");
            Path log = r.side.logDir().resolve("a.log");
            r.note("a.log exists " + Files.exists(log) + " with mode "
                    + (Files.exists(log) ? PosixFilePermissions.toString(Files.getPosixFilePermissions(log)) : "-"));
            r.va("daemon-log-outputs", "--outputs", "3:bogus");
            r.va("daemon-log-outputs", "--outputs", "3:file:{logdir}/missing/x.log");
            r.va("daemon-log-outputs", "--outputs", "3:file:{logdir}/..");
            r.va("daemon-log-outputs", "--outputs", "5:stderr");
            r.va("daemon-log-outputs", "--outputs", "3:syslog:vltest 2:journald 4:file:{logdir}//./b.log");
            r.va("daemon-log-outputs");
            r.va("daemon-log-outputs", "--outputs", "");
            r.va("daemon-log-outputs");
        }));
        all.add(new Scenario("log filters", r -> {
            r.va("daemon-log-filters");
            r.va("daemon-log-filters", "--filters", "1:foo 2:+bar 1:foo");
            r.va("daemon-log-filters");
            r.va("daemon-log-filters", "--filters", "x");
            r.va("daemon-log-filters", "--filters", "1:+");
            r.va("daemon-log-filters", "--filters", "0:x");
            r.va("daemon-log-filters", "--filters", "1:a:b");
            r.va("daemon-log-filters");
            r.va("daemon-log-filters", "--filters", "");
            r.va("daemon-log-filters");
        }));
        all.add(new Scenario("TLS files", r -> {
            r.va("server-update-tls", "admin");
            r.va("server-update-tls", "virtlockd");
            r.va("server-update-tls", "nope");
        }));
        all.add(new Scenario("daemon timeout input", r -> {
            r.va("daemon-timeout", "--timeout", "-5");
            r.va("daemon-timeout");
            r.va("daemon-timeout", "--timeout", "abc");
        }));
        return all;
    }

    @TestFactory
    Stream<DynamicTest> virtAdminAnswersAlike() {
        return world.answerAlike("v", scenarios(), Scenario::name, VirtAdminTest::run);
    }

    /**
     * The idle timeout lives in the lifecycle bundle: with a provider of its {@code IdleTimeout} service in
     * the distribution our daemon must answer as libvirt does; without one it says that it has none.
     */
    @Test
    void daemonTimeout() throws Exception {
        Scenario s = new Scenario("daemon timeout", r -> {
            r.va("daemon-timeout", "--timeout", "3600");
            r.va("daemon-timeout", "--timeout", "0");
            r.va("daemon-timeout", "0");
        });
        List<String> libvirt = run(s, Kind.LIBVIRT, "timeout");
        assertTrue(libvirt.get(1).startsWith("status 0\n"), "libvirt accepts a timeout: " + libvirt.get(1));
        List<String> ours = run(s, Kind.OURS, "timeout");
        if (Distribution.providesService("virtlockd-lifecycle", "org.virtlockd.lifecycle.IdleTimeout")) {
            assertEquals(String.join("\n", libvirt), String.join("\n", ours));
        } else {
            String missing = "status 1\n\nstderr:\nerror: internal error: no idle timeout (org.virtlockd.lifecycle.IdleTimeout) "
                    + "service is available in this daemon\n";
            List<String> expected = new ArrayList<>(libvirt);
            expected.set(1, missing);
            expected.set(3, missing);
            assertEquals(String.join("\n", expected), String.join("\n", ours));
        }
    }

    static List<String> run(Scenario s, Kind kind, String id) throws Exception {
        assertTrue(world.side(kind).daemon().process().isAlive(), () -> kind + " is no longer running");
        try (AdminRun r = new AdminRun(world.side(kind))) {
            try {
                s.body().run(r);
            } finally {
                Transcripts.save(TRANSCRIPTS, id, kind, s.name(), r.transcript());
            }
            return r.transcript();
        }
    }
}
