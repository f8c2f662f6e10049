import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Load generator for the virtlockd lock protocol (program 0x0EA7BEEF), driving two daemons alternately in
 * one run. JDK 17 only: {@code java bench/LockBench.java [options]}, run as the daemons' user.
 *
 * <p>Modes:
 * <ul>
 * <li>{@code cycles}: libvirt's lockd plugin pattern. An acquire cycle is: new connection, REGISTER (owner
 * with a foreign pid), one ACQUIRE_RESOURCE per resource (indirect lockspace, 64-hex name, AUTOCREATE),
 * close. A release cycle is: new connection, REGISTER, one RELEASE_RESOURCE per resource, close. Each
 * client thread repeats acquire cycle + release cycle on its own resource names, for a fixed time or a
 * fixed number of cycles, at each requested concurrency; the daemons are measured alternately.</li>
 * <li>{@code held}: one connection registers the foreign pid and acquires N distinct resources in one
 * lockspace, then releases them all: latency while the held count grows and memory per held resource.</li>
 * </ul>
 * Every reply is checked (type REPLY, same proc and serial, status OK); the first error aborts the run
 * with the daemon's decoded message. Before measuring, each target is probed with CREATE_LOCKSPACE,
 * REGISTER, ACQUIRE and RELEASE; a target that fails the probe is reported as unavailable and skipped
 * (exit status 3 at the end).
 */
public final class LockBench {

    // ---- wire constants (spec sections 1.2, 2.1, 2.2) -----------------------------------------------
    static final int LOCK_PROGRAM = 0x0EA7BEEF;
    static final int LOCK_VERSION = 1;
    static final int PROC_REGISTER = 1;
    static final int PROC_ACQUIRE = 6;
    static final int PROC_RELEASE = 7;
    static final int PROC_CREATE_LOCKSPACE = 8;
    static final int TYPE_CALL = 0;
    static final int TYPE_REPLY = 1;
    static final int STATUS_OK = 0;
    static final int STATUS_ERROR = 1;
    static final int ACQUIRE_AUTOCREATE = 2;
    /** Header (24 bytes) plus the length word. */
    static final int EMPTY_MESSAGE = 28;
    /** Lock-program replies are empty or an error struct; this client refuses anything larger. */
    static final int MAX_REPLY = 1 << 20;
    /** VIR_LOCK_SPACE_PROTOCOL_STRING_MAX. */
    static final int MAX_STRING = 65536;
    static final String[] PROC_NAMES = {"0", "REGISTER", "RESTRICT", "NEW", "CREATE_RESOURCE", "DELETE_RESOURCE",
        "ACQUIRE_RESOURCE", "RELEASE_RESOURCE", "CREATE_LOCKSPACE"};

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        Watchdog.start(o.timeoutSeconds);
        Report r = new Report();
        r.line("# virtlockd lock-protocol benchmark, %s, %d cores, client threads on the same host",
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).withNano(0), Runtime.getRuntime().availableProcessors());
        List<Target> live = new ArrayList<>();
        for (Target t : o.targets) {
            String problem = probe(t, o);
            if (problem == null) {
                live.add(t);
                r.line("# %s: pid %d, socket %s, lockspace %s: lock program answers", t.name, t.pid, t.socket, t.lockspace);
            } else {
                r.line("# %s: UNAVAILABLE, not measured: %s", t.name, problem);
            }
        }
        try {
            if (o.modes.contains("cycles") && !live.isEmpty()) {
                Cycles.run(live, o, r);
            }
            if (o.modes.contains("held") && !live.isEmpty()) {
                Held.run(live, o, r);
            }
        } catch (IllegalStateException e) {
            r.line("ABORTED: %s", e.getMessage());
            System.exit(1);
        }
        System.exit(live.size() == o.targets.size() ? 0 : 3);
    }

    /** CREATE_LOCKSPACE on its own connection (as the plugin does at start-up), then one full cycle. */
    static String probe(Target t, Options o) {
        try {
            try (Conn c = Conn.open(t.socket)) {
                c.createLockspace(t.lockspace);
            }
            String name = sha256Hex("probe");
            Owner owner = new Owner(UUID.randomUUID(), "bench-probe", 1, o.ownerPid);
            try (Conn c = Conn.open(t.socket)) {
                c.register(owner);
                c.acquire(t.lockspace, name, ACQUIRE_AUTOCREATE);
            }
            try (Conn c = Conn.open(t.socket)) {
                c.register(owner);
                c.release(t.lockspace, name);
            }
            return null;
        } catch (IOException | DaemonError e) {
            return e.getMessage() + diagnose(t);
        }
    }

    /** What the daemon looks like when something went wrong: open descriptors and memory. */
    static String diagnose(Target t) {
        try (var fds = Files.list(Path.of("/proc/" + t.pid + "/fd"))) {
            return String.format(" [daemon pid %d: %d open descriptors, VmRSS %d KiB]", t.pid, fds.count(), statusKiB(t.pid, "VmRSS"));
        } catch (IOException | RuntimeException e) {
            return " [daemon pid " + t.pid + ": " + e + "]";
        }
    }

    static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- options ---------------------------------------------------------------------------------------

    /** One daemon under test: {@code name=socket,pid,lockspace-dir}. */
    record Target(String name, Path socket, long pid, String lockspace) {
        static Target parse(String spec) {
            int eq = spec.indexOf('=');
            String[] p = eq < 0 ? new String[0] : spec.substring(eq + 1).split(",", -1);
            if (p.length != 3) {
                throw new IllegalArgumentException("--target wants NAME=SOCKET,PID,LOCKSPACE_DIR, got " + spec);
            }
            return new Target(spec.substring(0, eq), Path.of(p[0]), Long.parseLong(p[1]), p[2]);
        }
    }

    record Owner(UUID uuid, String name, int id, int pid) {
    }

    static final class Options {
        final List<Target> targets = new ArrayList<>();
        List<String> modes = List.of("cycles", "held");
        int[] threads = {1, 2, 4, 8};
        double seconds = 2.5;
        int rounds = 4;
        long cycles = 0;
        double warmupSeconds = 3;
        int resources = 1;
        int held = 15000;
        int ownerPid = -1;
        int clkTck = 100;
        int timeoutSeconds = 30;
        /** The C cycle worker (bench/lockcycles.c, built by the script), or null for this JVM's own threads. */
        String cClient;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("-h") || a.equals("--help")) {
                    usage(null);
                }
                if (i + 1 >= args.length) {
                    usage("option " + a + " needs a value");
                }
                String v = args[++i];
                switch (a) {
                    case "--target" -> o.targets.add(Target.parse(v));
                    case "--modes" -> o.modes = List.of(v.split(","));
                    case "--threads" -> o.threads = Arrays.stream(v.split(",")).mapToInt(Integer::parseInt).toArray();
                    case "--seconds" -> o.seconds = Double.parseDouble(v);
                    case "--cycles" -> o.cycles = Long.parseLong(v);
                    case "--rounds" -> o.rounds = Integer.parseInt(v);
                    case "--warmup" -> o.warmupSeconds = Double.parseDouble(v);
                    case "--resources" -> o.resources = Integer.parseInt(v);
                    case "--held" -> o.held = Integer.parseInt(v);
                    case "--owner-pid" -> o.ownerPid = Integer.parseInt(v);
                    case "--clk-tck" -> o.clkTck = Integer.parseInt(v);
                    case "--timeout" -> o.timeoutSeconds = Integer.parseInt(v);
                    case "--c-client" -> o.cClient = v;
                    default -> usage("unknown option " + a);
                }
            }
            if (o.targets.isEmpty() || o.ownerPid <= 1 || o.resources < 1 || o.held < 1 || o.clkTck < 1 || o.rounds < 1 || o.timeoutSeconds < 1) {
                usage("need --target (one or two), --owner-pid > 1 (a live process that is not this client), "
                        + "--resources >= 1, --held >= 1, --rounds >= 1");
            }
            if (o.ownerPid == ProcessHandle.current().pid()) {
                usage("--owner-pid must not be this client's pid (the holder rule would kill it)");
            }
            return o;
        }

        static void usage(String problem) {
            if (problem != null) {
                System.err.println("LockBench: " + problem);
            }
            System.err.println("usage: java LockBench.java --target NAME=SOCKET,DAEMON_PID,LOCKSPACE_DIR [--target ...]\n"
                    + "  --owner-pid PID [--modes cycles,held] [--threads 1,2,4,8] [--seconds 2.5 | --cycles N] [--rounds 4]\n"
                    + "  [--warmup 3] [--resources 1] [--held 15000] [--clk-tck 100] [--timeout 30] [--c-client PATH]");
            System.exit(2);
        }
    }

    // ---- wire client -----------------------------------------------------------------------------------

    /**
     * Blocking channels have no read timeout: this thread interrupts a client thread whose connect or call has
     * waited longer than the timeout, which closes its channel (the call then fails with a timeout message).
     */
    static final class Watchdog {
        private static final Map<Thread, Watch> WATCHES = new ConcurrentHashMap<>();
        private static final ThreadLocal<Watch> MINE = ThreadLocal.withInitial(() -> {
            Watch w = new Watch(Thread.currentThread());
            WATCHES.put(w.thread, w);
            return w;
        });
        private static volatile long timeoutNanos;

        static final class Watch {
            final Thread thread;
            volatile long since;
            volatile boolean fired;

            Watch(Thread thread) {
                this.thread = thread;
            }

            void end() {
                since = 0;
            }

            /** The exception for a call this watchdog cut short, with the interrupt status cleared. */
            String timedOut(String what) {
                Thread.interrupted();
                return "no answer to " + what + " within " + timeoutNanos / 1_000_000_000 + " s";
            }
        }

        static void start(int seconds) {
            timeoutNanos = seconds * 1_000_000_000L;
            Thread t = new Thread(Watchdog::loop, "watchdog");
            t.setDaemon(true);
            t.start();
        }

        static Watch begin() {
            Watch w = MINE.get();
            w.fired = false;
            w.since = System.nanoTime();
            return w;
        }

        private static void loop() {
            while (true) {
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
                long now = System.nanoTime();
                for (Watch w : WATCHES.values()) {
                    long since = w.since;
                    if (since != 0 && now - since > timeoutNanos && !w.fired) {
                        w.fired = true;
                        w.thread.interrupt();
                    }
                    if (!w.thread.isAlive()) {
                        WATCHES.remove(w.thread);
                    }
                }
            }
        }
    }

    /** A lock-program error reply, or a reply that breaks the protocol. */
    static final class DaemonError extends Exception {
        private static final long serialVersionUID = 1L;

        DaemonError(String message) {
            super(message);
        }
    }

    /** One blocking connection; serials count from 0 like libvirt's client. */
    static final class Conn implements AutoCloseable {
        private final SocketChannel ch;
        private final ByteBuffer out = ByteBuffer.allocate(4 * 1024);
        private final ByteBuffer in = ByteBuffer.allocate(4 * 1024);
        private int serial;

        private Conn(SocketChannel ch) {
            this.ch = ch;
        }

        static Conn open(Path socket) throws IOException {
            SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            Watchdog.Watch w = Watchdog.begin();
            try {
                ch.connect(UnixDomainSocketAddress.of(socket));
            } catch (ClosedByInterruptException e) {
                throw new IOException(w.timedOut("connect to " + socket), e);
            } catch (IOException e) {
                ch.close();
                throw new IOException("connect " + socket + ": " + e.getMessage(), e);
            } finally {
                w.end();
            }
            return new Conn(ch);
        }

        void register(Owner o) throws IOException, DaemonError {
            call(PROC_REGISTER, b -> {
                b.putLong(o.uuid().getMostSignificantBits()).putLong(o.uuid().getLeastSignificantBits());
                putString(b, o.name());
                b.putInt(o.id()).putInt(o.pid()).putInt(0);
            });
        }

        void createLockspace(String path) throws IOException, DaemonError {
            call(PROC_CREATE_LOCKSPACE, b -> putString(b, path));
        }

        void acquire(String lockspace, String name, int flags) throws IOException, DaemonError {
            call(PROC_ACQUIRE, b -> {
                putString(b, lockspace);
                putString(b, name);
                b.putInt(flags);
            });
        }

        void release(String lockspace, String name) throws IOException, DaemonError {
            call(PROC_RELEASE, b -> {
                putString(b, lockspace);
                putString(b, name);
                b.putInt(0);
            });
        }

        private static void putString(ByteBuffer b, String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > MAX_STRING) {
                throw new IllegalArgumentException("string longer than " + MAX_STRING + " bytes");
            }
            b.putInt(bytes.length).put(bytes);
            for (int pad = (4 - bytes.length % 4) % 4; pad > 0; pad--) {
                b.put((byte) 0);
            }
        }

        private void call(int proc, Consumer<ByteBuffer> args) throws IOException, DaemonError {
            int mySerial = serial++;
            out.clear();
            out.putInt(0).putInt(LOCK_PROGRAM).putInt(LOCK_VERSION).putInt(proc).putInt(TYPE_CALL).putInt(mySerial).putInt(STATUS_OK);
            args.accept(out);
            out.putInt(0, out.position());
            out.flip();
            ByteBuffer reply;
            Watchdog.Watch w = Watchdog.begin();
            try {
                while (out.hasRemaining()) {
                    ch.write(out);
                }
                reply = readReply();
            } catch (ClosedByInterruptException e) {
                throw new DaemonError(w.timedOut(PROC_NAMES[proc] + " (serial " + mySerial + ")"));
            } finally {
                w.end();
            }
            int prog = reply.getInt(4), vers = reply.getInt(8), rproc = reply.getInt(12);
            int type = reply.getInt(16), rserial = reply.getInt(20), status = reply.getInt(24);
            if (prog != LOCK_PROGRAM || vers != LOCK_VERSION || rproc != proc || type != TYPE_REPLY || rserial != mySerial) {
                throw new DaemonError(String.format("unexpected reply header prog=%08x vers=%d proc=%d type=%d serial=%d to proc %d serial %d",
                        prog, vers, rproc, type, rserial, proc, mySerial));
            }
            if (status == STATUS_ERROR) {
                throw new DaemonError(decodeError(reply));
            }
            if (status != STATUS_OK) {
                throw new DaemonError("reply status " + status + " to proc " + proc);
            }
        }

        private ByteBuffer readReply() throws IOException, DaemonError {
            in.clear().limit(4);
            readFully(in);
            int len = in.getInt(0);
            if (len < EMPTY_MESSAGE || len > MAX_REPLY) {
                throw new DaemonError("reply length " + len + " outside " + EMPTY_MESSAGE + ".." + MAX_REPLY);
            }
            ByteBuffer b = len <= in.capacity() ? in : ByteBuffer.allocate(len).putInt(len);
            b.limit(len);
            readFully(b);
            return b;
        }

        private void readFully(ByteBuffer b) throws IOException {
            while (b.hasRemaining()) {
                if (ch.read(b) < 0) {
                    throw new IOException("connection closed by the daemon");
                }
            }
        }

        /** struct virNetMessageError: code, domain, optional message, ... (spec 1.6). */
        private static String decodeError(ByteBuffer b) {
            try {
                b.position(EMPTY_MESSAGE);
                int code = b.getInt(), domain = b.getInt();
                String msg = "(no message)";
                if (b.getInt() != 0) {
                    int n = b.getInt();
                    if (n < 0 || n > b.remaining()) {
                        return "error code " + code + " domain " + domain + " (bad message length " + n + ")";
                    }
                    byte[] m = new byte[n];
                    b.get(m);
                    msg = new String(m, StandardCharsets.UTF_8);
                }
                return msg + " (code " + code + ", domain " + domain + ")";
            } catch (RuntimeException e) {
                return "undecodable error reply (" + b.limit() + " bytes)";
            }
        }

        @Override
        public void close() throws IOException {
            ch.close();
        }
    }

    // ---- /proc of the daemon ---------------------------------------------------------------------------

    /** utime + stime of the whole process, in clock ticks (fields 14 and 15 of /proc/PID/stat). */
    static long cpuTicks(long pid) throws IOException {
        String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** A field of /proc/PID/status in KiB, e.g. VmRSS. */
    static long statusKiB(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
            }
        }
        throw new IOException("no " + field + " in /proc/" + pid + "/status");
    }

    // ---- statistics and output -------------------------------------------------------------------------

    /** A growable array of latencies in nanoseconds. */
    static final class Samples {
        private long[] v = new long[1 << 14];
        private int n;

        void add(long x) {
            if (n == v.length) {
                v = Arrays.copyOf(v, n * 2);
            }
            v[n++] = x;
        }

        void addAll(Samples o) {
            for (int i = 0; i < o.n; i++) {
                add(o.v[i]);
            }
        }

        int size() {
            return n;
        }

        /** Percentile in microseconds (nearest rank). */
        double percentileMicros(double p, int from, int to) {
            long[] s = Arrays.copyOfRange(v, from, to);
            Arrays.sort(s);
            if (s.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100 * s.length);
            return s[Math.max(0, Math.min(s.length - 1, rank - 1))] / 1000.0;
        }

        double percentileMicros(double p) {
            return percentileMicros(p, 0, n);
        }
    }

    /** Printed and returned lines. */
    static final class Report {
        void line(String fmt, Object... args) {
            System.out.println(String.format(fmt, args));
            System.out.flush();
        }
    }

    static String ratio(double a, double b) {
        return b > 0 && !Double.isNaN(a) ? String.format("%.2fx", a / b) : "n/a";
    }

    // ---- mode "cycles" ---------------------------------------------------------------------------------

    /** Result of one (target, concurrency) measurement. */
    record CycleResult(int threads, long cycles, double seconds, Samples acquire, Samples release, long cpuTicks, long errors,
                       long clientCpuNanos) {
        double cyclesPerSecond() {
            return cycles / seconds;
        }

        double cpuMicrosPerCycle(int clkTck) {
            return cpuTicks * 1e6 / clkTck / cycles;
        }

        /** CPU time of the load generator (all its threads) per cycle. */
        double clientCpuMicrosPerCycle() {
            return clientCpuNanos / 1e3 / cycles;
        }

        /** Two rounds of the same (target, concurrency) as one result. */
        CycleResult plus(CycleResult o) {
            Samples a = new Samples(), r = new Samples();
            a.addAll(acquire);
            a.addAll(o.acquire);
            r.addAll(release);
            r.addAll(o.release);
            return new CycleResult(threads, cycles + o.cycles, seconds + o.seconds, a, r, cpuTicks + o.cpuTicks, errors + o.errors,
                    clientCpuNanos + o.clientCpuNanos);
        }
    }

    static final class Cycles {
        private static final AtomicLong RUN = new AtomicLong();

        static void run(List<Target> targets, Options o, Report r) throws Exception {
            r.line("");
            r.line("## cycles: libvirt's pattern, a new connection per cycle; acquire cycle = REGISTER + %d x ACQUIRE "
                    + "(AUTOCREATE), release cycle = REGISTER + %d x RELEASE", o.resources, o.resources);
            r.line("## per level %d round(s) of %s per daemon, alternating (order flips per round and per level); "
                    + "%.0f s warm-up per daemon first, split over the levels' client counts", o.rounds,
                    o.cycles > 0 ? o.cycles + " cycles" : o.seconds + " s", o.warmupSeconds);
            r.line("## load generator: %s; client cpu/cycle = its own CPU time (all threads) per cycle",
                    o.cClient != null ? "C worker process " + o.cClient + " (one thread per client)" : "threads of this JVM");
            for (Target t : targets) {
                // Every level's client count: each exercises its own paths (e.g. a daemon that sleeps between
                // requests at 1 client), which a JIT compiles separately.
                for (int n : o.threads) {
                    if (o.warmupSeconds > 0) {
                        measure(t, o, n, o.warmupSeconds / o.threads.length, 0);
                    }
                }
            }
            r.line("%-7s %-8s %10s %10s %10s %10s %10s %12s %7s %9s %13s", "clients", "daemon", "cycles/s", "acq p50us", "acq p99us",
                    "rel p50us", "rel p99us", "cpu/cycle us", "errors", "cycles", "client cpu us");
            Map<Integer, Map<String, CycleResult>> all = new LinkedHashMap<>();
            for (int level = 0; level < o.threads.length; level++) {
                int n = o.threads[level];
                Map<String, CycleResult> byName = new LinkedHashMap<>();
                for (int round = 0; round < o.rounds; round++) {
                    List<Target> order = new ArrayList<>(targets);
                    if ((level + round) % 2 == 1) {
                        java.util.Collections.reverse(order);
                    }
                    for (Target t : order) {
                        CycleResult c = measure(t, o, n, o.seconds, o.cycles);
                        byName.merge(t.name, c, CycleResult::plus);
                    }
                }
                for (Target t : targets) {
                    CycleResult c = byName.get(t.name);
                    r.line("%-7d %-8s %10.0f %10.1f %10.1f %10.1f %10.1f %12.1f %7d %9d %13.1f", n, t.name, c.cyclesPerSecond(),
                            c.acquire.percentileMicros(50), c.acquire.percentileMicros(99), c.release.percentileMicros(50),
                            c.release.percentileMicros(99), c.cpuMicrosPerCycle(o.clkTck), c.errors, c.cycles,
                            c.clientCpuMicrosPerCycle());
                }
                if (targets.size() == 2) {
                    CycleResult a = byName.get(targets.get(0).name), b = byName.get(targets.get(1).name);
                    r.line("%-7d %-8s %10s %10s %10s %10s %10s %12s", n, "ratio", ratio(a.cyclesPerSecond(), b.cyclesPerSecond()),
                            ratio(a.acquire.percentileMicros(50), b.acquire.percentileMicros(50)),
                            ratio(a.acquire.percentileMicros(99), b.acquire.percentileMicros(99)),
                            ratio(a.release.percentileMicros(50), b.release.percentileMicros(50)),
                            ratio(a.release.percentileMicros(99), b.release.percentileMicros(99)),
                            ratio(a.cpuMicrosPerCycle(o.clkTck), b.cpuMicrosPerCycle(o.clkTck)));
                }
                all.put(n, byName);
            }
            if (targets.size() == 2 && all.containsKey(4)) {
                Target ta = targets.get(0), tb = targets.get(1);
                CycleResult a = all.get(4).get(ta.name), b = all.get(4).get(tb.name);
                double tp = a.cyclesPerSecond() / b.cyclesPerSecond();
                boolean p99 = a.acquire.percentileMicros(99) <= b.acquire.percentileMicros(99)
                        && a.release.percentileMicros(99) <= b.release.percentileMicros(99);
                r.line("target at 4 clients: %s/%s throughput %.2fx (>= 1.5x: %s); p99 %s <= %s (acquire %.1f vs %.1f us, "
                        + "release %.1f vs %.1f us): %s", ta.name, tb.name, tp, tp >= 1.5 ? "MET" : "NOT MET", ta.name, tb.name,
                        a.acquire.percentileMicros(99), b.acquire.percentileMicros(99), a.release.percentileMicros(99),
                        b.release.percentileMicros(99), p99 ? "MET" : "NOT MET");
            }
        }

        /** n client threads, each: acquire cycle then release cycle on its own names, until time or cycles run out. */
        static CycleResult measure(Target t, Options o, int n, double seconds, long cycleBudget) throws Exception {
            long run = RUN.incrementAndGet();
            if (o.cClient != null) {
                return measureC(t, o, n, seconds, cycleBudget, run);
            }
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong pairsLeft = new AtomicLong(cycleBudget > 0 ? (cycleBudget + 1) / 2 : Long.MAX_VALUE);
            AtomicLong errors = new AtomicLong();
            AtomicReference<Exception> firstError = new AtomicReference<>();
            CountDownLatch start = new CountDownLatch(1);
            Samples[] acq = new Samples[n], rel = new Samples[n];
            Thread[] workers = new Thread[n];
            for (int i = 0; i < n; i++) {
                int id = i;
                acq[i] = new Samples();
                rel[i] = new Samples();
                String[] names = new String[o.resources];
                for (int j = 0; j < names.length; j++) {
                    names[j] = sha256Hex("cycle-" + ProcessHandle.current().pid() + "-" + run + "-" + id + "-" + j);
                }
                Owner owner = new Owner(UUID.randomUUID(), "bench-" + id, id + 1, o.ownerPid);
                workers[i] = new Thread(() -> {
                    try {
                        start.await();
                        while (!stop.get() && pairsLeft.getAndDecrement() > 0) {
                            long t0 = System.nanoTime();
                            try (Conn c = Conn.open(t.socket)) {
                                c.register(owner);
                                for (String name : names) {
                                    c.acquire(t.lockspace, name, ACQUIRE_AUTOCREATE);
                                }
                            }
                            long t1 = System.nanoTime();
                            try (Conn c = Conn.open(t.socket)) {
                                c.register(owner);
                                for (String name : names) {
                                    c.release(t.lockspace, name);
                                }
                            }
                            long t2 = System.nanoTime();
                            acq[id].add(t1 - t0);
                            rel[id].add(t2 - t1);
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e);
                        stop.set(true);
                    }
                }, "client-" + id);
                workers[i].start();
            }
            long cpu0 = cpuTicks(t.pid);
            long client0 = processCpuNanos();
            long t0 = System.nanoTime();
            start.countDown();
            if (cycleBudget <= 0) {
                long end = t0 + (long) (seconds * 1e9);
                while (!stop.get() && System.nanoTime() < end) {
                    Thread.sleep(Math.max(1, Math.min(50, (end - System.nanoTime()) / 1_000_000)));
                }
                stop.set(true);
            }
            for (Thread w : workers) {
                w.join();
            }
            double elapsed = (System.nanoTime() - t0) / 1e9;
            long cpu1 = cpuTicks(t.pid);
            long client1 = processCpuNanos();
            if (firstError.get() != null) {
                Exception e = firstError.get();
                throw new IllegalStateException(t.name + ": " + errors.get() + " error(s) at " + n + " clients, first: " + e.getMessage()
                        + diagnose(t), e);
            }
            Samples a = new Samples(), r = new Samples();
            for (int i = 0; i < n; i++) {
                a.addAll(acq[i]);
                r.addAll(rel[i]);
            }
            return new CycleResult(n, a.size() + r.size(), elapsed, a, r, cpu1 - cpu0, errors.get(), client1 - client0);
        }

        static long processCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }

        /**
         * The same measurement with the C worker (bench/lockcycles.c) as the load generator: it prepares its
         * threads, says "ready", starts on a line from us, and reports cycles, time, its own CPU time and the
         * latencies (see its header). This JVM only waits meanwhile.
         */
        static CycleResult measureC(Target t, Options o, int n, double seconds, long cycleBudget, long run) throws Exception {
            Process p = new ProcessBuilder(o.cClient, t.socket.toString(), t.lockspace, Integer.toString(o.ownerPid),
                    Integer.toString(n), Double.toString(seconds), Long.toString(Math.max(0, cycleBudget)),
                    Integer.toString(o.resources), Long.toString(run), Integer.toString(o.timeoutSeconds))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
                 var in = p.getOutputStream()) {
                String line = out.readLine();
                if (!"ready".equals(line)) {
                    throw new IllegalStateException(t.name + ": C worker did not start: " + line);
                }
                long cpu0 = cpuTicks(t.pid);
                in.write('\n');
                in.flush();
                String[] done = String.valueOf(out.readLine()).split(" ");
                long cpu1 = cpuTicks(t.pid);
                String status = out.readLine();
                if (done.length != 5 || !done[0].equals("done") || status == null) {
                    throw new IllegalStateException(t.name + ": C worker failed at " + n + " clients" + diagnose(t));
                }
                if (!status.equals("ok")) {
                    throw new IllegalStateException(t.name + ": " + done[4] + " error(s) at " + n + " clients, first: "
                            + status.substring(status.indexOf(' ') + 1) + diagnose(t));
                }
                Samples a = readSamples(out, "acquire"), r = readSamples(out, "release");
                if (p.waitFor() != 0) {
                    throw new IllegalStateException(t.name + ": C worker exited with status " + p.exitValue());
                }
                return new CycleResult(n, Long.parseLong(done[1]), Long.parseLong(done[2]) / 1e9, a, r, cpu1 - cpu0,
                        Long.parseLong(done[4]), Long.parseLong(done[3]));
            } finally {
                p.destroy();
            }
        }

        private static Samples readSamples(java.io.BufferedReader out, String what) throws IOException {
            String[] head = String.valueOf(out.readLine()).split(" ");
            if (head.length != 2 || !head[0].equals(what)) {
                throw new IOException("C worker: expected '" + what + " N', got " + String.join(" ", head));
            }
            Samples s = new Samples();
            for (long i = Long.parseLong(head[1]); i > 0; i--) {
                s.add(Long.parseLong(out.readLine()));
            }
            return s;
        }
    }

    // ---- mode "held" -----------------------------------------------------------------------------------

    static final class Held {
        private static final int BUCKETS = 5;
        /** Acquire + release pairs before measuring, so that a JIT compiles the path before RSS0 is taken. */
        private static final int WARMUP = 2000;

        static void run(List<Target> targets, Options o, Report r) throws Exception {
            r.line("");
            r.line("## held: one connection registers pid %d and acquires %d distinct resources (AUTOCREATE, one lockspace), "
                    + "then releases them all; %d acquire+release pairs first as warm-up", o.ownerPid, o.held,
                    Math.min(WARMUP, o.held));
            Map<String, long[]> mem = new LinkedHashMap<>();
            Map<String, Samples[]> lat = new LinkedHashMap<>();
            for (Target t : targets) {
                Samples acq = new Samples(), rel = new Samples();
                mem.put(t.name, measure(t, o, acq, rel));
                lat.put(t.name, new Samples[] {acq, rel});
            }
            r.line("%-8s %-15s %10s %10s", "daemon", "held before", "acq p50us", "acq p99us");
            int step = (o.held + BUCKETS - 1) / BUCKETS;
            for (Target t : targets) {
                Samples acq = lat.get(t.name)[0];
                for (int from = 0; from < o.held; from += step) {
                    int to = Math.min(o.held, from + step);
                    r.line("%-8s %-15s %10.1f %10.1f", t.name, from + ".." + (to - 1), acq.percentileMicros(50, from, to),
                            acq.percentileMicros(99, from, to));
                }
            }
            r.line("%-8s %10s %10s %10s %10s %12s %12s %12s %12s %14s", "daemon", "acq p50us", "acq p99us", "rel p50us", "rel p99us",
                    "RSS0 KiB", "RSS held KiB", "RSS after KiB", "HWM KiB", "bytes/resource");
            for (Target t : targets) {
                long[] m = mem.get(t.name);
                Samples[] l = lat.get(t.name);
                r.line("%-8s %10.1f %10.1f %10.1f %10.1f %12d %12d %12d %12d %14.0f", t.name, l[0].percentileMicros(50),
                        l[0].percentileMicros(99), l[1].percentileMicros(50), l[1].percentileMicros(99), m[0], m[1], m[2], m[3],
                        bytesPerResource(m, o.held));
            }
            if (targets.size() == 2) {
                String a = targets.get(0).name, b = targets.get(1).name;
                r.line("%-8s %10s %10s %10s %10s %12s %12s %12s %12s %14s", "ratio",
                        ratio(lat.get(a)[0].percentileMicros(50), lat.get(b)[0].percentileMicros(50)),
                        ratio(lat.get(a)[0].percentileMicros(99), lat.get(b)[0].percentileMicros(99)),
                        ratio(lat.get(a)[1].percentileMicros(50), lat.get(b)[1].percentileMicros(50)),
                        ratio(lat.get(a)[1].percentileMicros(99), lat.get(b)[1].percentileMicros(99)),
                        ratio(mem.get(a)[0], mem.get(b)[0]), ratio(mem.get(a)[1], mem.get(b)[1]), ratio(mem.get(a)[2], mem.get(b)[2]),
                        ratio(mem.get(a)[3], mem.get(b)[3]), ratio(bytesPerResource(mem.get(a), o.held), bytesPerResource(mem.get(b), o.held)));
            }
        }

        static double bytesPerResource(long[] m, int count) {
            return (m[1] - m[0]) * 1024.0 / count;
        }

        /** Returns {RSS before, RSS while holding all, RSS after releasing, HWM} in KiB. */
        static long[] measure(Target t, Options o, Samples acq, Samples rel) throws Exception {
            String[] names = new String[o.held];
            for (int i = 0; i < names.length; i++) {
                names[i] = sha256Hex("held-" + ProcessHandle.current().pid() + "-" + t.name + "-" + i);
            }
            try (Conn c = Conn.open(t.socket)) {
                c.register(new Owner(UUID.randomUUID(), "bench-held", 1, o.ownerPid));
                for (int i = 0; i < Math.min(WARMUP, o.held); i++) {
                    String name = sha256Hex("held-warmup-" + i);
                    c.acquire(t.lockspace, name, ACQUIRE_AUTOCREATE);
                    c.release(t.lockspace, name);
                }
                long rss0 = statusKiB(t.pid, "VmRSS");
                for (String name : names) {
                    long t0 = System.nanoTime();
                    c.acquire(t.lockspace, name, ACQUIRE_AUTOCREATE);
                    acq.add(System.nanoTime() - t0);
                }
                long rss1 = statusKiB(t.pid, "VmRSS");
                for (String name : names) {
                    long t0 = System.nanoTime();
                    c.release(t.lockspace, name);
                    rel.add(System.nanoTime() - t0);
                }
                long rss2 = statusKiB(t.pid, "VmRSS");
                return new long[] {rss0, rss1, rss2, statusKiB(t.pid, "VmHWM")};
            } catch (DaemonError e) {
                throw new IllegalStateException(t.name + " (held mode, " + acq.size() + " acquired, " + rel.size() + " released): "
                        + e.getMessage() + diagnose(t), e);
            }
        }
    }
}
