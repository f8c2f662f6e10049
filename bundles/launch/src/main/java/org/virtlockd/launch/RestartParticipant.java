package org.virtlockd.launch;

import java.util.Map;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A bundle's part of the re-exec on SIGUSR1 (spec 6.12). The launcher calls every participant in
 * descending {@link #ORDER} order, first {@link #freeze()} on all of them, then {@link #save(Set)} on all of
 * them, then writes the state file and replaces the process image; if anything fails before the exec it
 * calls {@link #resume()} on every participant it froze, in the opposite order, and the daemon goes on
 * serving with everything it held.
 *
 * <p>The state is a JSON document in libvirt 9.0's layout, handed over as plain Java values: {@code Map}
 * with {@code String} keys for objects (iteration order is the written key order), {@code List} for arrays,
 * {@code String}, {@code Number} ({@code Integer}, {@code Long} or {@code BigInteger} for integers),
 * {@code Boolean}, and {@code null}. The new image finds it in {@link LaunchContext#restartState()}.
 *
 * @since 1.2
 */
@ConsumerType
public interface RestartParticipant {

    /**
     * Service property (an {@code Integer}): participants with a higher order are frozen and saved first and
     * resumed last. The transport, which must stop reading before anything else is saved, uses
     * {@value #ORDER_TRANSPORT}; the lock model {@value #ORDER_MODEL}.
     */
    String ORDER = "virtlockd.restart.order";
    /** The order of the participant that owns the sockets. */
    int ORDER_TRANSPORT = 100;
    /** The order of the participant that owns the locks. */
    int ORDER_MODEL = 10;

    /**
     * Stops every change of what this participant will save: no more accepting, reading or dispatching, no
     * more lock changes. Returns once that holds. Threads that would change state wait until {@link #resume()}
     * (or die with the exec).
     *
     * @throws IllegalStateException if the participant cannot freeze (the restart is then abandoned)
     */
    void freeze();

    /**
     * Describes the frozen state.
     *
     * @param keep receives every descriptor the new image needs (listeners, clients, held locks); the
     *        launcher clears close-on-exec on those and sets it on every other descriptor
     * @return top-level entries of the state document (for example {@code daemon}, or
     *         {@code defaultLockspace} and {@code lockspaces})
     */
    Map<String, Object> save(Set<Integer> keep);

    /** The restart was abandoned: serve again as before {@link #freeze()}. */
    void resume();
}
