package org.virtlockd.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.virtlockd.launch.ExitStatus;

/** The parent's side of {@code -d} and libvirt's texts; the whole exchange is tested at process level. */
class DaemonizerTest {

    @Test
    void libvirtTextsForEveryStatus() {
        assertEquals("Unable to obtain pidfile", Daemonizer.text(ExitStatus.PIDFILE.name()));
        assertEquals("Unable to create rundir", Daemonizer.text(ExitStatus.RUNDIR.name()));
        assertEquals("Unable to initialize libvirt", Daemonizer.text(ExitStatus.INIT.name()));
        assertEquals("Unable to setup signal handlers", Daemonizer.text(ExitStatus.SIGNAL.name()));
        assertEquals("Unable to initialize network sockets", Daemonizer.text(ExitStatus.NETWORK.name()));
        assertEquals("Unable to load configuration file", Daemonizer.text(ExitStatus.FAILURE.name()));
        assertEquals("Unable to re-execute daemon", Daemonizer.text(ExitStatus.REEXEC.name()));
        assertEquals("Unable to initialize libvirt", Daemonizer.text("NONSENSE"));
    }

    @Test
    void theChildIsRecognisedByItsVariableAndResolvesAgainstTheParentsDirectory() {
        assertFalse(DaemonChild.isChild(Map.of("PATH", "/bin")));
        Map<String, String> child = Map.of(Daemonizer.CHILD_ENV, "/home/op");
        assertTrue(DaemonChild.isChild(child));
        assertEquals(Path.of("/home/op"), DaemonChild.baseDirectory(child));
        assertEquals(Path.of(System.getProperty("user.dir")), DaemonChild.baseDirectory(Map.of()));
    }

    @Test
    void aCommandThatCannotBeRunIsReportedWithStatus1() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = Daemonizer.runParent("/nonexistent/virtlockd", List.of("-d"), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(1, status);
        assertEquals("/nonexistent/virtlockd: error: cannot daemonize: '/nonexistent/virtlockd' is not an executable file\n",
                bytes.toString(StandardCharsets.UTF_8));
    }
}
