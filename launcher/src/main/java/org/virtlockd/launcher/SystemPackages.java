package org.virtlockd.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packages the system bundle exports besides the JRE's: the launch API and the native stack (jnr-ffi,
 * jnr-posix, jnr-constants, jffi, junixsocket), which live on the launcher's class path because they carry
 * native code and must be loaded once per process. A jar's own {@code Export-Package} is used where it has
 * one; otherwise every package in it is exported at the version its file name carries.
 */
final class SystemPackages {

    private static final Pattern EXPORTED_JAR = Pattern.compile("^(virtlockd-launch|jnr-|jffi|junixsocket-).*\\.jar$");
    private static final Pattern FILE_VERSION = Pattern.compile("-(\\d+(?:\\.\\d+){0,2})(?:[.-][^/]*)?\\.jar$");
    private static final Pattern CLAUSE_VERSION = Pattern.compile(";\\s*version\\s*=\\s*\"?([^\";,]+)\"?");

    private SystemPackages() {
    }

    static String exportsOf(Path libDirectory) throws IOException {
        List<String> clauses = new ArrayList<>();
        try (Stream<Path> jars = Files.list(libDirectory)) {
            for (Path jar : jars.sorted().toList()) {
                if (EXPORTED_JAR.matcher(jar.getFileName().toString()).matches()) {
                    clauses.addAll(exportsOfJar(jar));
                }
            }
        }
        return String.join(",", clauses);
    }

    private static List<String> exportsOfJar(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            String header = file.getManifest() == null ? null
                    : file.getManifest().getMainAttributes().getValue(new Attributes.Name("Export-Package"));
            List<String> clauses = new ArrayList<>();
            if (header != null) {
                for (String clause : splitClauses(header)) {
                    String pkg = clause.split(";", 2)[0].trim();
                    Matcher v = CLAUSE_VERSION.matcher(clause);
                    clauses.add(v.find() ? pkg + ";version=" + v.group(1).trim() : pkg);
                }
                return clauses;
            }
            Matcher m = FILE_VERSION.matcher(jar.getFileName().toString());
            String version = m.find() ? m.group(1) : "0.0.0";
            TreeSet<String> packages = new TreeSet<>();
            file.stream().map(e -> e.getName())
                    .filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/") && n.contains("/"))
                    .forEach(n -> packages.add(n.substring(0, n.lastIndexOf('/')).replace('/', '.')));
            packages.forEach(p -> clauses.add(p + ";version=" + version));
            return clauses;
        }
    }

    /** Splits a manifest header at the commas that are not inside quotes. */
    static List<String> splitClauses(String header) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }
}
