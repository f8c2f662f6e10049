package org.virtlockd.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemPackagesTest {

    @TempDir
    Path dir;

    @Test
    void splitsAtCommasOutsideQuotes() {
        assertEquals(List.of("a.b;uses:=\"c.d,e.f\";version=\"1.2\"", "g.h", "i;version=\"[1,2)\""),
                SystemPackages.splitClauses("a.b;uses:=\"c.d,e.f\";version=\"1.2\",g.h,i;version=\"[1,2)\""));
        assertEquals(List.of("x"), SystemPackages.splitClauses("x"));
        assertEquals(List.of("x", " y"), SystemPackages.splitClauses("x, y,"));
        assertEquals(List.of(), SystemPackages.splitClauses(""));
    }

    @Test
    void manifestExportsAreUsedWithTheirVersionOnly() throws IOException {
        jar("jnr-thing-9.9.9.jar",
                "a.b;uses:=\"c.d,e.f\";version=\"1.2\",g.h, i.j;version=3.4.5 ;mandatory:=x",
                "a/b/A.class", "z/Z.class");
        assertEquals("a.b;version=1.2,g.h,i.j;version=3.4.5", SystemPackages.exportsOf(dir));
    }

    @Test
    void withoutExportHeaderEveryPackageAtTheFileVersion() throws IOException {
        jar("junixsocket-common-2.6.1.jar", null,
                "org/x/A.class", "org/x/B.class", "org/x/y/C.class", "META-INF/versions/9/org/x/D.class",
                "Root.class", "org/x/data.txt", "org/empty/");
        assertEquals("org.x;version=2.6.1,org.x.y;version=2.6.1", SystemPackages.exportsOf(dir));
    }

    @Test
    void versionFromFileNameIgnoresQualifiersAndLongVersions() throws IOException {
        jar("jffi-1.3.11-native.jar", null, "p/A.class");
        jar("jnr-a64asm-1.0.0.2.jar", null, "q/A.class");
        jar("virtlockd-launch-1.0.0-SNAPSHOT.jar", null, "r/A.class");
        jar("jnr-noversion.jar", null, "s/A.class");
        assertEquals("p;version=1.3.11,q;version=1.0.0,s;version=0.0.0,r;version=1.0.0", SystemPackages.exportsOf(dir));
    }

    @Test
    void bothKindsTogetherInFileNameOrderOtherJarsIgnored() throws IOException {
        jar("jnr-posix-3.1.19.jar", "jnr.posix;version=\"3.1.19\",jnr.posix.util;uses:=\"jnr.posix\";version=\"3.1.19\"",
                "jnr/posix/POSIX.class");
        jar("jffi-1.3.13.jar", null, "com/kenai/jffi/Foreign.class");
        jar("org.apache.felix.framework-7.0.5.jar", "org.osgi.framework;version=\"1.10\"", "org/osgi/framework/Bundle.class");
        jar("asm-9.7.jar", null, "org/objectweb/asm/ClassReader.class");
        Files.writeString(dir.resolve("jnr-notes.txt"), "not a jar");
        assertEquals("com.kenai.jffi;version=1.3.13,jnr.posix;version=3.1.19,jnr.posix.util;version=3.1.19",
                SystemPackages.exportsOf(dir));
    }

    @Test
    void emptyDirectoryExportsNothing() throws IOException {
        assertEquals("", SystemPackages.exportsOf(dir));
    }

    private void jar(String name, String exportPackage, String... entries) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (exportPackage != null) {
            m.getMainAttributes().put(new Attributes.Name("Export-Package"), exportPackage);
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve(name)); JarOutputStream jar = new JarOutputStream(out, m)) {
            for (String e : entries) {
                jar.putNextEntry(new JarEntry(e));
                if (!e.endsWith("/")) {
                    jar.write(new byte[] {(byte) 0xca, (byte) 0xfe});
                }
                jar.closeEntry();
            }
        }
    }
}
