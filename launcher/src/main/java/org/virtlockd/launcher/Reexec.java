package org.virtlockd.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.virtlockd.launch.RestartParticipant;

/**
 * SIGUSR1: re-executes the daemon in place (spec 6.12, DESIGN "Re-exec"). The participants (the transport,
 * then the lock model) freeze and describe their state; the launcher writes libvirt's state file, marks the
 * descriptors and calls {@code execv} on the command the daemon was started as, with its original arguments.
 * The framework is never stopped, so nothing is closed or released. Unlike libvirt's daemon, which exits and
 * drops every lock when any of this fails, a failure before the exec (a participant that cannot freeze, a
 * state file that cannot be written, an exec that fails) only abandons the restart: the participants resume
 * and the daemon goes on serving, and the reason is logged.
 */
final class Reexec {

    private final BundleContext context;
    private final String command;
    private final List<String> arguments;
    private final Path stateFile;
    private final long pid;
    private final int count;

    /** @param count the number of this re-exec in the life of the process, from 1 */
    Reexec(BundleContext context, String command, List<String> arguments, Path stateFile, long pid, int count) {
        this.context = context;
        this.command = command;
        this.arguments = List.copyOf(arguments);
        this.stateFile = stateFile;
        this.pid = pid;
        this.count = count;
    }

    /**
     * Runs the restart. Returns only when it was abandoned.
     *
     * @return why the restart did not happen
     */
    String run() {
        List<ServiceReference<RestartParticipant>> refs;
        try {
            refs = new ArrayList<>(context.getServiceReferences(RestartParticipant.class, null));
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        refs.sort(Comparator.comparingInt(Reexec::order).reversed());
        List<RestartParticipant> frozen = new ArrayList<>();
        String failure;
        try {
            for (ServiceReference<RestartParticipant> ref : refs) {
                RestartParticipant p = context.getService(ref);
                if (p == null) {
                    continue;
                }
                p.freeze();
                frozen.add(p);
            }
            Set<Integer> keep = new HashSet<>();
            Map<String, Object> entries = new LinkedHashMap<>();
            for (RestartParticipant p : frozen) {
                entries.putAll(p.save(keep));
            }
            byte[] json = RestartStateFile.encode(RestartStateFile.document(entries, pid));
            RestartStateFile.write(stateFile, json);
            Log.info("restart", "re-executing " + command + " with " + keep.size() + " descriptors ("
                    + RestartStateFile.describe(keep) + ")");
            ExecImage.markDescriptors(keep);
            LibC.Holder.C.setenv(HandOver.COUNT_VARIABLE, Integer.toString(count), 1);
            failure = "Unable to restart self: " + ExecImage.exec(command, arguments);
            Signals.installRestart();
        } catch (IOException e) {
            failure = "Unable to save state file " + stateFile + ": " + e.getMessage();
        } catch (RuntimeException e) {
            failure = "Unable to prepare the restart: " + e.getMessage();
        }
        RestartStateFile.deleteQuietly(stateFile);
        Collections.reverse(frozen);
        for (RestartParticipant p : frozen) {
            try {
                p.resume();
            } catch (RuntimeException e) {
                Log.error("restart", "resuming " + p + " failed: " + e);
            }
        }
        for (ServiceReference<RestartParticipant> ref : refs) {
            context.ungetService(ref);
        }
        return failure;
    }

    private static int order(ServiceReference<?> ref) {
        return ref.getProperty(RestartParticipant.ORDER) instanceof Integer i ? i : 0;
    }
}
