package org.virtlockd.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * The process-level steps of a re-exec (DESIGN "Re-exec"): descriptors to carry lose close-on-exec and every
 * other one except standard input, output and error gets it, SIGUSR1 is ignored until the new image handles it,
 * the signal mask is emptied (the calling thread's mask is inherited, and a JVM thread blocks some signals),
 * then {@code execv}. Through the launcher's jnr-ffi binding, already loaded by then, so the exec costs no
 * binding work.
 */
final class ExecImage {

    private static final Path FD_DIRECTORY = Path.of("/proc/self/fd");
    /** Standard input, output and error stay what they are (a terminal, a log, /dev/null). */
    private static final int FIRST_NON_STDIO = 3;

    private ExecImage() {
    }

    /**
     * Loads the native binding the exec needs while the daemon serves, so that a SIGUSR1 does not wait for it
     * (a restored image has not needed it before).
     */
    static void prepareInBackground() {
        Thread t = new Thread(() -> LibC.Holder.C.getenv("PATH"), "virtlockd-exec-prepare");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Clears close-on-exec on {@code keep} and sets it on every other open descriptor.
     *
     * @throws IOException if a descriptor to keep cannot be changed, or the descriptors cannot be listed
     */
    static void markDescriptors(Set<Integer> keep) throws IOException {
        List<Integer> open = new ArrayList<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(FD_DIRECTORY)) {
            for (Path p : fds) {
                open.add(Integer.parseInt(p.getFileName().toString()));
            }
        }
        LibC c = LibC.Holder.C;
        for (int fd : keep) {
            int flags = c.fcntl(fd, LibC.F_GETFD, 0);
            if (flags < 0 || c.fcntl(fd, LibC.F_SETFD, flags & ~LibC.FD_CLOEXEC) < 0) {
                throw new IOException("cannot keep descriptor " + fd + " across exec: "
                        + c.strerror(LibC.Holder.errno()));
            }
        }
        for (int fd : open) {
            if (fd < FIRST_NON_STDIO || keep.contains(fd)) {
                continue;
            }
            int flags = c.fcntl(fd, LibC.F_GETFD, 0);
            if (flags >= 0 && (flags & LibC.FD_CLOEXEC) == 0) {
                c.fcntl(fd, LibC.F_SETFD, flags | LibC.FD_CLOEXEC); // the listing's own descriptor is gone: EBADF
            }
        }
    }

    /**
     * Replaces the process image. Returns only if {@code execv} failed, with its reason; SIGUSR1 is then
     * still ignored at the C level, and the caller re-installs its handler.
     */
    static String exec(String command, List<String> arguments) {
        LibC c = LibC.Holder.C;
        Runtime runtime = LibC.Holder.RUNTIME;
        List<String> argv = new ArrayList<>();
        argv.add(command);
        argv.addAll(arguments);
        int width = runtime.addressSize();
        Pointer array = Memory.allocateDirect(runtime, (argv.size() + 1) * width, true);
        List<Pointer> strings = new ArrayList<>();
        for (int i = 0; i < argv.size(); i++) {
            byte[] bytes = argv.get(i).getBytes(StandardCharsets.UTF_8);
            Pointer str = Memory.allocateDirect(runtime, bytes.length + 1, true);
            str.put(0, bytes, 0, bytes.length);
            strings.add(str);
            array.putPointer((long) i * width, str);
        }
        array.putAddress((long) argv.size() * width, 0L);
        c.signal(LibC.SIGUSR1, LibC.SIG_IGN);
        c.sigprocmask(LibC.SIG_SETMASK, new byte[LibC.SIGSET_SIZE], null);
        c.execv(command, array);
        String reason = c.strerror(LibC.Holder.errno());
        // The array holds only the strings' native addresses: keep their memory alive until execv returned.
        java.lang.ref.Reference.reachabilityFence(strings);
        return reason;
    }
}
