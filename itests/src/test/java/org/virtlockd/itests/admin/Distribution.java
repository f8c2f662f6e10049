package org.virtlockd.itests.admin;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;

import org.virtlockd.itests.harness.Daemon;

/** What the distribution under test contains. */
final class Distribution {

    private Distribution() {
    }

    /** @return whether the bundle {@code artifact} declares a service of type {@code service} (its Provide-Capability) */
    static boolean providesService(String artifact, String service) throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Daemon.distribution().resolve("bundles"), artifact + "-*.jar")) {
            for (Path jar : jars) {
                try (JarFile j = new JarFile(jar.toFile())) {
                    String provided = j.getManifest().getMainAttributes().getValue("Provide-Capability");
                    if (provided != null && provided.replaceAll("\\s", "").contains(service)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
