package org.virtlockd.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Reading systemd's activation variables as libvirt 9.0 does (spec 6.7). */
class ActivationTest {

    private static final long PID = 4242;

    /** Records the C calls instead of making them. */
    private final List<String> calls = new ArrayList<>();
    private final Activation.Native recorder = new Activation.Native() {
        @Override
        public void unsetenv(String name) {
            calls.add("unsetenv " + name);
        }

        @Override
        public void setCloseOnExec(int fd) {
            calls.add("cloexec " + fd);
        }

        @Override
        public void close(int fd) {
            calls.add("close " + fd);
        }
    };

    private static Map<String, String> env(String pid, String fds, String names) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", "/usr/bin");
        if (pid != null) {
            env.put("LISTEN_PID", pid);
        }
        if (fds != null) {
            env.put("LISTEN_FDS", fds);
        }
        if (names != null) {
            env.put("LISTEN_FDNAMES", names);
        }
        return env;
    }

    @Test
    void namesMapToDescriptorsFromThreeInOrder() {
        Map<String, List<Integer>> got = Activation.fromEnvironment(
                env("4242", "3", "virtlockd.socket:virtlockd-admin.socket:virtlockd.socket"), PID, recorder);
        assertEquals(Map.of("virtlockd.socket", List.of(3, 5), "virtlockd-admin.socket", List.of(4)), got);
        assertEquals(List.of("virtlockd.socket", "virtlockd-admin.socket"), List.copyOf(got.keySet()), "order kept");
        assertEquals(List.of("unsetenv LISTEN_PID", "unsetenv LISTEN_FDS", "cloexec 3", "cloexec 4", "cloexec 5",
                "unsetenv LISTEN_FDNAMES"), calls);
    }

    @Test
    void anotherProcessesVariablesAreLeftAlone() {
        assertTrue(Activation.fromEnvironment(env("4243", "2", "a:b"), PID, recorder).isEmpty());
        assertTrue(Activation.fromEnvironment(env(null, "2", "a:b"), PID, recorder).isEmpty());
        assertTrue(Activation.fromEnvironment(env("42x2", "2", "a:b"), PID, recorder).isEmpty());
        assertTrue(Activation.fromEnvironment(env("4242", null, "a:b"), PID, recorder).isEmpty());
        assertTrue(Activation.fromEnvironment(env("4242", "-1", "a:b"), PID, recorder).isEmpty());
        assertEquals(List.of(), calls, "nothing unset, nothing marked");
    }

    @Test
    void zeroDescriptorsIsNoActivation() {
        assertTrue(Activation.fromEnvironment(env("4242", "0", ""), PID, recorder).isEmpty());
        assertEquals(List.of("unsetenv LISTEN_PID", "unsetenv LISTEN_FDS"), calls);
    }

    @Test
    void missingOrMiscountedNamesCloseTheDescriptorsAndFallBack() {
        assertTrue(Activation.fromEnvironment(env("4242", "2", null), PID, recorder).isEmpty());
        assertEquals(List.of("unsetenv LISTEN_PID", "unsetenv LISTEN_FDS", "cloexec 3", "cloexec 4",
                "unsetenv LISTEN_FDNAMES", "close 3", "close 4"), calls);
        calls.clear();
        assertTrue(Activation.fromEnvironment(env("4242", "2", "virtlockd.socket"), PID, recorder).isEmpty());
        assertTrue(calls.containsAll(List.of("close 3", "close 4")), calls.toString());
    }

    @Test
    void theVariablesLeaveTheProcessEnvironment() {
        LibC c = LibC.Holder.C;
        long pid = ProcessHandle.current().pid();
        c.setenv("LISTEN_PID", Long.toString(pid), 1);
        c.setenv("LISTEN_FDS", "1", 1);
        c.setenv("LISTEN_FDNAMES", "virtlockd.socket", 1);
        // fd 3 of this JVM is one of its own files: marking it close-on-exec does it no harm
        Map<String, List<Integer>> got = Activation.fromEnvironment(
                env(Long.toString(pid), "1", "virtlockd.socket"), pid, Activation.libc());
        assertEquals(Map.of("virtlockd.socket", List.of(3)), got);
        assertNull(c.getenv("LISTEN_PID"));
        assertNull(c.getenv("LISTEN_FDS"));
        assertNull(c.getenv("LISTEN_FDNAMES"));
    }
}
