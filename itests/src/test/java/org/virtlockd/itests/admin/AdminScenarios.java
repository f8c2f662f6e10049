package org.virtlockd.itests.admin;

import static org.virtlockd.itests.admin.AdminArgs.*;
import static org.virtlockd.protocol.AdminCallArgs.*;

import java.util.ArrayList;
import java.util.List;

import org.virtlockd.protocol.Frames;
import org.virtlockd.protocol.Header;
import org.virtlockd.protocol.KeepaliveProtocol;
import org.virtlockd.protocol.TypedParam;

/** The admin program's procedures, one scenario per area, each leaving the daemon as it found it. */
final class AdminScenarios {

    interface Body {
        void run(AdminWire w) throws Exception;
    }

    record Scenario(String name, Body body) {
    }

    private AdminScenarios() {
    }

    static List<Scenario> all() {
        List<Scenario> all = new ArrayList<>();
        all.add(new Scenario("connection and version", w -> {
            AdminWire.Conn a = w.admin("a");
            a.call(OPEN, words(0));
            a.call(OPEN, words(3));
            a.call(LIB_VERSION, none());
            a.call(20, none());
            a.call(0, none());
            a.call(CLOSE, none());
            a.closed();
        }));
        all.add(new Scenario("servers", w -> {
            AdminWire.Conn a = w.admin("a");
            a.call(LIST_SERVERS, words(1, 0));
            a.call(LIST_SERVERS, words(0, 0));
            a.call(LIST_SERVERS, words(1, 8));
            a.call(LOOKUP_SERVER, name("admin", 7));
            a.call(LOOKUP_SERVER, name("virtlockd", 0));
            a.call(LOOKUP_SERVER, name("bogus", 0));
        }));
        all.add(new Scenario("thread pools", w -> {
            AdminWire.Conn a = w.admin("a");
            a.call(GET_THREADPOOL, name("virtlockd", 0));
            a.call(GET_THREADPOOL, name("nope", 0));
            a.call(GET_THREADPOOL, name("admin", 1));
            a.call(SET_THREADPOOL, params("nope", 0));
            a.call(SET_THREADPOOL, params("admin", 1));
            a.call(SET_THREADPOOL, params("admin", 0, uint("minWorkers", 1)));
            a.call(SET_THREADPOOL, params("admin", 0, uint("maxWorkers", 5)));
            a.call(SET_THREADPOOL, params("admin", 0, uint("minWorkers", 5), uint("maxWorkers", 5)));
            a.call(SET_THREADPOOL, params("admin", 0, uint("maxWorkers", 0)));
            a.call(SET_THREADPOOL, params("admin", 0, uint("aaa", 0), new TypedParam.IntParam("maxWorkers", 0)));
            a.call(SET_THREADPOOL, params("admin", 0, new TypedParam.IntParam("maxWorkers", 0)));
            a.call(SET_THREADPOOL, params("admin", 0, new TypedParam.StringParam("minWorkers", "x")));
            a.call(SET_THREADPOOL, params("admin", 0, new TypedParam.DoubleParam("prioWorkers", 1.5)));
            a.call(SET_THREADPOOL, params("admin", 0, uint("maxWorkers", 0), uint("maxWorkers", 0)));
            a.call(SET_THREADPOOL, params("admin", 1, uint("minWorkers", 0), uint("x".repeat(80), 1)));
            a.call(SET_THREADPOOL, params("admin", 0, uint("x".repeat(79), 1)));
            a.call(SET_THREADPOOL, params("admin", 0, uint("prioWorkers", 3)));
            a.call(GET_THREADPOOL, name("admin", 0));
            a.call(SET_THREADPOOL, params("admin", 0, uint("prioWorkers", 0)));
        }));
        all.add(new Scenario("clients and identities", w -> {
            AdminWire.Conn called = w.lock("called");
            called.call(2, words(0));
            w.lock("silent");
            AdminWire.Conn unknown = w.admin("unknown");
            unknown.call(20, none());
            AdminWire.Conn undecodable = w.admin("undecodable");
            undecodable.call(OPEN, none());
            AdminWire.Conn a = w.admin("a");
            List<Long> locks = AdminWire.clientIds(a.call(LIST_CLIENTS, list("virtlockd", 1, 0)));
            a.call(LIST_CLIENTS, list("virtlockd", 0, 0));
            List<Long> admins = AdminWire.clientIds(a.call(LIST_CLIENTS, list("admin", 1, 0)));
            a.call(LIST_CLIENTS, list("virtlockd", 1, 1));
            a.call(LIST_CLIENTS, list("nope", 1, 1));
            long calledId = locks.get(locks.size() - 2);
            long silentId = locks.get(locks.size() - 1);
            a.call(LOOKUP_CLIENT, lookup("virtlockd", calledId, 0));
            a.call(LOOKUP_CLIENT, lookup("virtlockd", 987654, 1));
            a.call(LOOKUP_CLIENT, lookup("virtlockd", 987654, 0));
            a.call(CLIENT_INFO, client("virtlockd", calledId, 0));
            a.call(CLIENT_INFO, client("virtlockd", silentId, 0));
            a.call(CLIENT_INFO, client("virtlockd", calledId, 1));
            a.call(CLIENT_INFO, client("virtlockd", 987654, 0));
            a.call(CLIENT_INFO, client("zzz", calledId, 0));
            w.note("unknown procedures and undecodable arguments give no identity; the asking connection has one");
            for (long id : admins.subList(admins.size() - 3, admins.size())) {
                a.call(CLIENT_INFO, client("admin", id, 0));
            }
        }));
        all.add(new Scenario("closing clients", w -> {
            AdminWire.Conn victim = w.lock("victim");
            victim.call(2, words(0));
            AdminWire.Conn a = w.admin("a");
            List<Long> locks = AdminWire.clientIds(a.call(LIST_CLIENTS, list("virtlockd", 1, 0)));
            long id = locks.get(locks.size() - 1);
            a.call(CLIENT_CLOSE, client("virtlockd", id, 2));
            a.call(CLIENT_CLOSE, client("nope", id, 1));
            a.call(CLIENT_CLOSE, client("virtlockd", 987654, 1));
            a.call(CLIENT_CLOSE, client("virtlockd", id, 0));
            victim.closed();
            a.call(CLIENT_CLOSE, client("virtlockd", id, 0));
            a.call(LIST_CLIENTS, list("virtlockd", 0, 0));
        }));
        all.add(new Scenario("client limits", w -> {
            AdminWire.Conn a = w.admin("a");
            a.call(GET_CLIENT_LIMITS, name("virtlockd", 0));
            a.call(GET_CLIENT_LIMITS, name("admin", 0));
            a.call(GET_CLIENT_LIMITS, name("nope", 4));
            a.call(GET_CLIENT_LIMITS, name("virtlockd", 4));
            a.call(SET_CLIENT_LIMITS, params("nope", 4, uint("nclients", 3)));
            a.call(SET_CLIENT_LIMITS, params("virtlockd", 2));
            a.call(SET_CLIENT_LIMITS, params("virtlockd", 0, uint("nclients_max", 10)));
            a.call(SET_CLIENT_LIMITS, params("virtlockd", 0, uint("nclients", 3)));
            a.call(SET_CLIENT_LIMITS, params("virtlockd", 0, new TypedParam.ULLongParam("nclients_max", 3)));
            a.call(SET_CLIENT_LIMITS, params("virtlockd", 0, uint("nclients_max", 2000), uint("nclients_unauth_max", 10)));
            a.call(GET_CLIENT_LIMITS, name("virtlockd", 0));
            a.call(SET_CLIENT_LIMITS, params("virtlockd", 0, uint("nclients_max", 4294967295L)));
            a.call(SET_CLIENT_LIMITS, params("virtlockd", 0, uint("nclients_unauth_max", 4294967295L)));
            a.call(GET_CLIENT_LIMITS, name("virtlockd", 0));
            w.note("a limit of 0 stops accepting: a new client waits in the backlog until the limit is raised");
            a.call(SET_CLIENT_LIMITS, params("virtlockd", 0, uint("nclients_unauth_max", 0), uint("nclients_max", 0)));
            AdminWire.Conn waiting = w.lock("waiting");
            waiting.client.send(Frames.encode(Header.call(0x0EA7BEEF, 1, 2, 0), words(0)));
            waiting.closed();
            a.call(SET_CLIENT_LIMITS, params("virtlockd", 0, uint("nclients_max", 1024), uint("nclients_unauth_max", 1024)));
            w.note("served once the limit is back: " + w.normalise(waiting.client.readFrame(AdminWire.REPLY_WAIT)));
            a.call(GET_CLIENT_LIMITS, name("virtlockd", 0));
        }));
        all.add(new Scenario("log outputs", w -> {
            AdminWire.Conn a = w.admin("a");
            String dir = w.logDir();
            a.call(GET_OUTPUTS, words(0));
            a.call(GET_OUTPUTS, words(1));
            a.call(SET_OUTPUTS, text("1:stderr 3:file:" + dir + "/a.log 2:stderr", 0));
            a.call(GET_OUTPUTS, words(0));
            a.call(SET_OUTPUTS, text("3:stderr", 1));
            a.call(SET_OUTPUTS, text("3:file:" + dir + "/missing/x.log", 0));
            a.call(SET_OUTPUTS, text("3:file:" + dir + "/", 0));
            a.call(SET_OUTPUTS, text("3:file:" + dir + "//./b.log 4:file:" + dir + "/b.log", 0));
            a.call(GET_OUTPUTS, words(0));
            for (String bad : new String[] {"abc", "5:stderr", "3:bogus", "3:STDERR", "3:stderr:x", "3:syslog", "3:syslog:a:b",
                "3:journald:", "3:stderr\t", "1:stderr 9:stderr"}) {
                a.call(SET_OUTPUTS, text(bad, 0));
            }
            a.call(SET_OUTPUTS, text(" +3:stderr  03:journald 2:syslog: 1:syslog:x", 0));
            a.call(GET_OUTPUTS, words(0));
            a.call(SET_OUTPUTS, text("1:stderr 3:journald 2:stderr", 0));
            a.call(GET_OUTPUTS, words(0));
            a.call(SET_OUTPUTS, text("", 0));
            a.call(GET_OUTPUTS, words(0));
            a.call(SET_OUTPUTS, text("4:stderr", 0));
            a.call(SET_OUTPUTS, text(null, 0));
            a.call(GET_OUTPUTS, words(0));
        }));
        all.add(new Scenario("log filters", w -> {
            AdminWire.Conn a = w.admin("a");
            a.call(GET_FILTERS, words(0));
            a.call(GET_FILTERS, words(2));
            a.call(SET_FILTERS, text("1:foo 2:+bar 1:foo  3:*x?", 0));
            a.call(GET_FILTERS, words(0));
            a.call(SET_FILTERS, text("1:x", 4));
            for (String bad : new String[] {"x", "1:+", "0:x", "5:x", "a:x", ":x", "1:", "1:ok 2:"}) {
                a.call(SET_FILTERS, text(bad, 0));
            }
            a.call(SET_FILTERS, text("1:a:b 4:a\t2:b", 0));
            a.call(GET_FILTERS, words(0));
            a.call(SET_FILTERS, text("", 0));
            a.call(GET_FILTERS, words(0));
            a.call(SET_FILTERS, text("1:x", 0));
            a.call(SET_FILTERS, text(null, 0));
            a.call(GET_FILTERS, words(0));
        }));
        all.add(new Scenario("TLS and timeout flags", w -> {
            AdminWire.Conn a = w.admin("a");
            a.call(UPDATE_TLS, name("admin", 0));
            a.call(UPDATE_TLS, name("virtlockd", 1));
            a.call(UPDATE_TLS, name("nope", 1));
            a.call(SET_TIMEOUT, words(0, 1));
            a.call(SET_TIMEOUT, words(30, 8));
        }));
        all.add(new Scenario("the RPC layer on the admin socket", w -> {
            AdminWire.Conn a = w.admin("a");
            a.send(Frames.encode(Header.call(0x0EA7BEEF, 1, 1, 7), none()), "lock program");
            a.send(Frames.encode(new Header(0x06900690, 1, 3, 0, 8, 1), none()), "status ERROR");
            a.send(Frames.encode(new Header(0x06900690, 2, 3, 0, 9, 0), none()), "version 2");
            a.send(Frames.encode(KeepaliveProtocol.ping()), "ping");
            a.silent(Frames.encode(new Header(0x06900690, 1, 3, 1, 10, 0), none()), "type REPLY");
            a.silent(Frames.encode(new Header(0x06900690, 1, 3, 3, 11, 0), none()), "type STREAM");
            a.send(Frames.encode(Header.call(0x06900690, 1, 3, 12), words(1, 2, 3)), "extra bytes ignored");
            a.send(Frames.encode(Header.call(0x06900690, 1, LOOKUP_SERVER, 13), words(4194305)), "name too long");
            a.send(Frames.encode(Header.call(0x06900690, 1, SET_CLIENT_LIMITS, 14), w2 -> {
                w2.writeString("admin", 100).writeUnsignedInt(33);
            }), "33 parameters");
            a.send(Frames.encode(Header.call(0x06900690, 1, SET_CLIENT_LIMITS, 15), w2 -> {
                w2.writeString("admin", 100).writeUnsignedInt(1).writeString("nclients_max", 100).writeInt(8).writeInt(0)
                        .writeUnsignedInt(0);
            }), "parameter of type 8");
            AdminWire.Conn l = w.lock("l");
            l.send(Frames.encode(Header.call(0x06900690, 1, LIB_VERSION, 0), none()), "admin program on the lock socket");
        }));
        return all;
    }
}
