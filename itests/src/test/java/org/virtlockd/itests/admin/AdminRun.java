package org.virtlockd.itests.admin;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.virtlockd.itests.harness.VirtAdmin;
import org.virtlockd.itests.harness.WireClient;
import org.virtlockd.protocol.Frames;
import org.virtlockd.protocol.Header;
import org.virtlockd.protocol.LockProcedure;
import org.virtlockd.protocol.LockProtocol;

/**
 * One scenario against one daemon: virt-admin commands and lock-socket clients, with a transcript in which
 * what cannot match between two daemons is replaced: sandbox and log paths, times, client ids (by the
 * names the scenario gave them, or by their rank in a listing) and the width of virt-admin's tables.
 */
final class AdminRun implements AutoCloseable {

    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\+\\d{4}");
    private static final Pattern SERVER_ROW = Pattern.compile("(?m)^ \\d+  (\\S+)\n");
    private static final Duration QUIET = Duration.ofMillis(300);

    final AdminWorld.Side side;
    private final List<String> transcript = new ArrayList<>();
    private final Map<String, Long> ids = new LinkedHashMap<>();
    private final Map<String, WireClient> clients = new LinkedHashMap<>();

    AdminRun(AdminWorld.Side side) {
        this.side = side;
    }

    /** Runs {@code virt-admin -c virtlockd:///session ARGS}; "{name}" in an argument is a named client's id. */
    VirtAdmin.Result va(String... args) throws IOException, InterruptedException {
        String[] actual = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            for (Map.Entry<String, Long> e : ids.entrySet()) {
                a = a.replace("{" + e.getKey() + "}", Long.toString(e.getValue()));
            }
            actual[i] = a.replace("{logdir}", side.logDir().toString());
        }
        VirtAdmin.Result r = VirtAdmin.run(side.sandbox(), actual);
        transcript.add("$ virt-admin " + String.join(" ", args));
        String text = normalise(r.text());
        transcript.add(args.length > 0 && args[0].equals("srv-list") ? sortServers(text) : text);
        return r;
    }

    /**
     * Connects a lock client as the test user and gives it a name; with {@code call}, it makes one call
     * (RESTRICT before REGISTER: refused, but the arguments decode, which gives the client its identity).
     * Its id is the highest one {@code srv-clients-list virtlockd} then shows.
     */
    void lockClient(String name, boolean call) throws Exception {
        WireClient c = WireClient.connect(side.sandbox().lockSocket());
        clients.put(name, c);
        if (call) {
            c.send(Frames.encode(Header.call(LockProtocol.PROGRAM, LockProtocol.VERSION, LockProcedure.RESTRICT.number(), 0),
                    w -> w.writeUnsignedInt(0)));
            if (c.readFrame(Duration.ofSeconds(5)) == null) {
                throw new AssertionError(side.kind() + ": no reply to RESTRICT");
            }
        }
        VirtAdmin.Result list = VirtAdmin.run(side.sandbox(), "srv-clients-list", "virtlockd");
        long highest = -1;
        Matcher m = Pattern.compile("(?m)^ *(\\d+) +unix").matcher(list.stdout());
        while (m.find()) {
            highest = Math.max(highest, Long.parseLong(m.group(1)));
        }
        if (highest < 0) {
            throw new AssertionError(side.kind() + ": the new lock client is not listed:\n" + list.text());
        }
        ids.put(name, highest);
    }

    /** Records whether a named client's connection was closed by the daemon. */
    void checkClosed(String name) throws IOException {
        String drained = clients.get(name).drain(QUIET);
        transcript.add("# " + name + (drained.endsWith(WireClient.EOF) ? " was disconnected" : " is still connected"));
    }

    void note(String line) {
        transcript.add("# " + line);
    }

    String normalise(String text) {
        String t = text.replace(side.sandbox().root().toString(), "<SANDBOX>").replace(side.logDir().toString(), "<LOGDIR>");
        t = TIME.matcher(t).replaceAll("<TIME>");
        t = t.replaceAll("(?m)^-{3,}$", "---").replaceAll(" {2,}", "  ");
        t = Pattern.compile("(?m)^ (\\d+)  unix  <TIME>$").matcher(t).replaceAll(r -> " " + idName(Long.parseLong(r.group(1))) + "  unix  <TIME>");
        for (Map.Entry<String, Long> e : ids.entrySet()) {
            t = t.replace("'" + e.getValue() + "'", "'{" + e.getKey() + "}'");
            t = t.replaceAll("(?m)^id(\\s*): " + e.getValue() + "$", "id$1: {" + e.getKey() + "}");
        }
        return t;
    }

    /**
     * libvirt lists its servers in the order of a hash table whose hash function is seeded at random in each
     * daemon: "virtlockd, admin" or "admin, virtlockd". The rows are sorted by name and their index dropped.
     */
    static String sortServers(String text) {
        Matcher m = SERVER_ROW.matcher(text);
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        if (names.isEmpty()) {
            return text;
        }
        names.sort(null);
        StringBuilder rows = new StringBuilder();
        names.forEach(n -> rows.append(" #  ").append(n).append('\n'));
        String without = SERVER_ROW.matcher(text).replaceAll("");
        int at = without.indexOf("---\n");
        return at < 0 ? without : without.substring(0, at + 4) + rows + without.substring(at + 4);
    }

    private String idName(long id) {
        for (Map.Entry<String, Long> e : ids.entrySet()) {
            if (e.getValue() == id) {
                return "{" + e.getKey() + "}";
            }
        }
        return "{other}";
    }

    List<String> transcript() {
        return transcript;
    }

    @Override
    public void close() throws IOException {
        for (WireClient c : clients.values()) {
            c.close();
        }
    }
}
