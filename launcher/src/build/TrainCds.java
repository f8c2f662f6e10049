import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Build step of the distribution: a training run that records the classes the daemon loads into a class-data
 * sharing archive, {@code lib/virtlockd.jsa}, which {@code bin/virtlockd} then maps at start-up (JDK 17 dynamic
 * CDS, classes of the framework's bundle class loaders included). The run starts the daemon in a temporary
 * directory (when the build runs as root, the run and its client are uid 65534 through {@code setpriv}, so no
 * path of a real daemon is touched and the daemon accepts the client's uid), serves a few
 * lock calls, re-executes it with SIGUSR1 (so the restore path is recorded too, where start-up time matters
 * most), serves again and stops it; the JVM writes the archive as it exits. Any failure only costs the
 * archive: the build goes on with a warning, and the daemon starts without it.
 *
 * <p>Usage: {@code java TrainCds.java <distribution directory>}; internally, as the unprivileged user:
 * {@code java TrainCds.java --train <distribution directory> <work directory>}.
 */
public final class TrainCds {

    private static final int PROG = 0x0EA7BEEF;
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final byte[] PING = hex("0000001c" + "6b656570" + "00000001" + "00000001" + "00000002" + "00000000" + "00000000");

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--train")) {
            trainIn(Path.of(args[1]), Path.of(args[2]));
            return;
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        Path archive = home.resolve("lib/virtlockd.jsa");
        Files.deleteIfExists(archive);
        Path tmp = Files.createTempDirectory("virtlockd-cds");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        try {
            for (String dir : List.of("run", "cfg", "cache", "space")) {
                Files.createDirectories(tmp.resolve(dir));
            }
            if (isRoot()) {
                try (Stream<Path> all = Files.walk(tmp)) {
                    for (Path p : all.toList()) {
                        Files.setAttribute(p, "unix:uid", 65534);
                        Files.setAttribute(p, "unix:gid", 65534);
                    }
                }
                List<String> cmd = List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        Path.of(TrainCds.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString(),
                        "--train", home.toString(), tmp.toString());
                Process p = new ProcessBuilder(cmd).inheritIO().start();
                if (!p.waitFor(5, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    throw new IOException("the training run did not finish within 5 minutes");
                }
            } else {
                trainIn(home, tmp);
            }
            Path made = tmp.resolve("virtlockd.jsa");
            if (!Files.isRegularFile(made)) {
                throw new IOException("the training run left no archive");
            }
            Files.copy(made, archive, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("rw-r--r--"));
            System.out.println("[cds] " + archive + ": " + Files.size(archive) / 1024 + " KiB");
        } catch (IOException | RuntimeException e) {
            System.out.println("[cds] WARNING: no class-data archive, the daemon will start without it: " + e.getMessage());
            try {
                List<String> log = Files.readAllLines(tmp.resolve("daemon.log"), StandardCharsets.ISO_8859_1);
                log.subList(Math.max(0, log.size() - 30), log.size()).forEach(System.out::println);
            } catch (IOException ignored) {
                // no log
            }
        } finally {
            try (Stream<Path> all = Files.walk(tmp)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The training itself, as the user the daemon runs as; the archive lands in {@code tmp}. */
    private static void trainIn(Path home, Path tmp) throws IOException, InterruptedException {
        Process daemon = start(home, tmp);
        try {
            train(daemon, tmp);
            daemon.destroy();
            if (!daemon.waitFor(60, TimeUnit.SECONDS)) {
                throw new IOException("the daemon did not stop within 60 s");
            }
        } finally {
            if (daemon.isAlive()) {
                daemon.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static Process start(Path home, Path tmp) throws IOException {
        Files.writeString(tmp.resolve("virtlockd.conf"), "");
        List<String> cmd = new ArrayList<>();
        cmd.add(home.resolve("bin/virtlockd").toString());
        cmd.addAll(List.of("-f", tmp.resolve("virtlockd.conf").toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("daemon.log").toFile());
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", "/usr/bin:/bin");
        env.put("HOME", tmp.toString());
        env.put("XDG_RUNTIME_DIR", tmp.resolve("run").toString());
        env.put("XDG_CONFIG_HOME", tmp.resolve("cfg").toString());
        env.put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        env.put("VIRTLOCKD_JAVA_OPTS", "-XX:ArchiveClassesAtExit=" + tmp.resolve("virtlockd.jsa"));
        String javaHome = System.getProperty("java.home");
        env.put("JAVA_HOME", javaHome);
        return pb.start();
    }

    private static boolean isRoot() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("Uid:")) {
                return line.substring(4).trim().split("\\s+")[1].equals("0");
            }
        }
        return false;
    }

    private static void train(Process daemon, Path tmp) throws IOException, InterruptedException {
        Path sock = tmp.resolve("run/libvirt/virtlockd-sock");
        Path state = tmp.resolve("run/libvirt/virtlockd-restart-exec.json");
        awaitPong(daemon, sock);
        byte[] space = tmp.resolve("space").toString().getBytes(StandardCharsets.UTF_8);
        try (SocketChannel holder = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            holder.connect(UnixDomainSocketAddress.of(sock));
            byte[] owner = concat(new byte[16], string("train".getBytes(StandardCharsets.UTF_8)), u32(1), u32(daemon.pid()),
                    u32(0));
            call(holder, 1, 1, owner);
            call(holder, 8, 2, concat(string(space), u32(0)));
            call(holder, 6, 3, concat(string(space), string("r1".getBytes(StandardCharsets.UTF_8)), u32(2)));
            new ProcessBuilder("kill", "-USR1", Long.toString(daemon.pid())).inheritIO().start().waitFor();
            long deadline = System.nanoTime() + TIMEOUT_NANOS;
            while (!Files.exists(state) && daemon.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            while (Files.exists(state) && daemon.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            awaitPong(daemon, sock);
            call(holder, 7, 4, concat(string(space), string("r1".getBytes(StandardCharsets.UTF_8)), u32(0)));
            call(holder, 6, 5, concat(string(space), string("r2".getBytes(StandardCharsets.UTF_8)), u32(3)));
            call(holder, 7, 6, concat(string(space), string("r2".getBytes(StandardCharsets.UTF_8)), u32(0)));
        }
    }

    private static void awaitPong(Process daemon, Path sock) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (true) {
            if (!daemon.isAlive()) {
                throw new IOException("the daemon exited with status " + daemon.exitValue());
            }
            try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                ch.connect(UnixDomainSocketAddress.of(sock));
                ch.write(ByteBuffer.wrap(PING));
                ByteBuffer reply = ByteBuffer.allocate(28);
                while (reply.hasRemaining() && ch.read(reply) >= 0) {
                    // until the PONG is complete
                }
                if (!reply.hasRemaining()) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("no answer on " + sock);
            }
            Thread.sleep(10);
        }
    }

    private static void call(SocketChannel ch, int proc, int serial, byte[] payload) throws IOException {
        ByteBuffer frame = ByteBuffer.allocate(28 + payload.length);
        frame.putInt(28 + payload.length).putInt(PROG).putInt(1).putInt(proc).putInt(0).putInt(serial).putInt(0).put(payload);
        frame.flip();
        while (frame.hasRemaining()) {
            ch.write(frame);
        }
        ByteBuffer len = ByteBuffer.allocate(4);
        readFully(ch, len);
        ByteBuffer reply = ByteBuffer.allocate(len.getInt(0) - 4);
        readFully(ch, reply);
        if (reply.getInt(20) != 0) {
            throw new IOException("procedure " + proc + " failed");
        }
    }

    private static void readFully(SocketChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                throw new IOException("connection closed");
            }
        }
    }

    private static byte[] string(byte[] s) {
        int pad = (4 - s.length % 4) % 4;
        return concat(u32(s.length), s, new byte[pad]);
    }

    private static byte[] u32(long v) {
        return ByteBuffer.allocate(4).putInt((int) v).array();
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }

    private static byte[] hex(String s) {
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
