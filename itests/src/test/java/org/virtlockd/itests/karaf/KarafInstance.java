package org.virtlockd.itests.karaf;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Apache Karaf unpacked into a temporary directory and run in the foreground with its console on a
 * pipe: no SSH (removed from the boot features), no shutdown port, everything under its own home. Closing
 * it ends the console and kills Karaf's JVM and script by pid.
 */
final class KarafInstance implements AutoCloseable {

    private static final Pattern MVN = Pattern.compile("mvn:([^/<\\s]+)/([^/<\\s]+)/([^/<\\s]+)");

    private final Path home;
    private final Path log;
    private Process process;
    private OutputStream console;

    private KarafInstance(Path home, Path log) {
        this.home = home;
        this.log = log;
    }

    /** Unpacks the distribution and trims it to what the test needs. */
    static KarafInstance unpack(Path archive, Path into) throws IOException, InterruptedException {
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", into.toString())
                .redirectErrorStream(true).start();
        if (!tar.waitFor(60, TimeUnit.SECONDS) || tar.exitValue() != 0) {
            throw new IOException("tar failed: " + new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        Path home;
        try (var entries = Files.list(into)) {
            home = entries.filter(p -> p.getFileName().toString().startsWith("apache-karaf")).findFirst()
                    .orElseThrow(() -> new IOException("no Karaf home in " + into));
        }
        Path features = home.resolve("etc/org.apache.karaf.features.cfg");
        Files.writeString(features, Files.readString(features).replaceAll("(?m)^\\s*ssh/[^\\n]*\\n", ""));
        Files.writeString(home.resolve("etc/config.properties"), "\nkaraf.shutdown.port=-1\n",
                StandardOpenOption.APPEND);
        return new KarafInstance(home, into.resolve("karaf-console.log"));
    }

    Path home() {
        return home;
    }

    /** Writes a configuration file that Karaf's file install turns into a Config Admin configuration. */
    void configure(String pid, String properties) throws IOException {
        Files.writeString(home.resolve("etc/" + pid + ".cfg"), properties);
    }

    /**
     * @return the feature repository with every {@code mvn:} bundle URL turned into the file of that artifact in
     *     {@code bundles} ({@code <artifactId>-<version>.jar}), so Karaf needs no network and no Maven repository
     */
    static String localised(String features, Path bundles) {
        Matcher m = MVN.matcher(features);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Path jar = bundles.resolve(m.group(2) + "-" + m.group(3) + ".jar");
            m.appendReplacement(out, Matcher.quoteReplacement(jar.toUri().toString()));
        }
        return m.appendTail(out).toString();
    }

    void start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString())
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // The JDK's seed source is /dev/random, which can block a freshly booted VM for minutes.
        builder.environment().put("EXTRA_JAVA_OPTS", "-Djava.security.egd=file:/dev/./urandom");
        process = builder.start();
        console = process.getOutputStream();
    }

    /** Types one console command. */
    void command(String line) throws IOException {
        console.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        console.flush();
    }

    /** Types {@code echo} of a marker and waits until the console has printed it: every earlier command ran. */
    void awaitCommands(String marker, Duration timeout) throws IOException, InterruptedException {
        command("echo \"" + marker + "\" \"done\"");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!output().contains(marker + " done")) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new AssertionError("Karaf did not get to " + marker + " within " + timeout + ":\n" + output()
                        + "\n--- Karaf's threads:\n" + threadDump());
            }
            Thread.sleep(50);
        }
    }

    /** @return a thread dump of Karaf's JVM (jcmd), for failure messages */
    private String threadDump() {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(jvmPid()), "Thread.print").redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor(30, TimeUnit.SECONDS);
            return out.length() > 20_000 ? out.substring(0, 20_000) : out;
        } catch (IOException | InterruptedException e) {
            return "(no thread dump: " + e + ")";
        }
    }

    /** @return the console output, then the errors of Karaf's own log (data/log/karaf.log), for failure messages */
    String output() throws IOException {
        String console = Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
        Path karafLog = home.resolve("data/log/karaf.log");
        if (!Files.exists(karafLog)) {
            return console;
        }
        StringBuilder errors = new StringBuilder();
        boolean inError = false;
        for (String line : Files.readAllLines(karafLog, StandardCharsets.ISO_8859_1)) {
            boolean header = line.matches("^\\d{4}-\\d\\d-\\d\\d.*");
            inError = header ? line.contains("| ERROR |") || line.contains("| WARN  |") : inError;
            if (inError) {
                errors.append(line).append('\n');
            }
        }
        return console + "\n--- errors and warnings of data/log/karaf.log:\n" + errors;
    }

    /** @return the pid of Karaf's JVM (the script's java child, or the script itself once it exec'ed java) */
    long jvmPid() {
        Optional<ProcessHandle> java = process.descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false)).findFirst();
        return java.map(ProcessHandle::pid).orElse(process.pid());
    }

    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = process.descendants().toList();
        try {
            console.close(); // Ctrl-D: Karaf shuts down by itself
        } catch (IOException e) {
            // already gone
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            all.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        all.forEach(ProcessHandle::destroyForcibly);
    }
}
