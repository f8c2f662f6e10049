package org.virtlockd.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The sample file we ship ({@code config/virtlockd.conf} at the top of the repository). */
class SampleConfigTest {
    /** Tests run in the module folder, {@code bundles/config}. */
    private static final Path SAMPLE = Path.of("../../config/virtlockd.conf");

    @Test
    void asShippedEverythingIsCommentedOut() throws IOException, ConfigException {
        assertEquals(DaemonSettings.defaults(), parse(Files.readString(SAMPLE)));
    }

    @Test
    void uncommentedExamplesAreValidAndShowTheDefaults() throws IOException, ConfigException {
        String enabled = Files.readString(SAMPLE).replaceAll("(?m)^#([a-z_]+ = )", "$1");
        DaemonSettings s = parse(enabled);
        assertEquals(List.of(), s.unknownKeys());
        assertEquals(3, s.logLevel());
        assertEquals(DaemonSettings.DEFAULT_MAX_CLIENTS, s.maxClients());
        assertEquals(DaemonSettings.DEFAULT_ADMIN_MAX_CLIENTS, s.adminMaxClients());
        assertEquals("3:stderr", s.logOutputs());
        assertEquals("1:locking", s.logFilters());
    }

    private static DaemonSettings parse(String text) throws ConfigException {
        return DaemonSettings.from(VirConfParser.parse(SAMPLE.toString(), text.getBytes(StandardCharsets.UTF_8)));
    }
}
