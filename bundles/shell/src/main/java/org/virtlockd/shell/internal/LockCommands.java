package org.virtlockd.shell.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.virtlockd.api.LockSpaces;
import org.virtlockd.api.LockspaceInfo;
import org.virtlockd.api.ResourceInfo;

/** {@code lockd:lockspaces} and {@code lockd:resources}: what the lock service holds right now. */
@Component(service = LockCommands.class)
@GogoCommand(scope = "lockd", function = {"lockspaces", "resources"})
public final class LockCommands {

    /** How the default lockspace (key {@code ""}) is shown. */
    static final String DEFAULT_LOCKSPACE = "(default)";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile LockSpaces lockSpaces;

    /** For Declarative Services. */
    public LockCommands() {
    }

    LockCommands(LockSpaces lockSpaces) {
        this.lockSpaces = lockSpaces;
    }

    @Descriptor("lists the lockspaces, the default one first, with how many resources each holds")
    public Table lockspaces() {
        Table table = new Table("LOCKSPACE", "RESOURCES");
        for (LockspaceInfo info : service().lockspaces()) {
            table.row(shown(info.path()), info.resources());
        }
        return table;
    }

    @Descriptor("lists the held resources of every lockspace: name, shared or exclusive, owner pids, since when, file")
    public Table resources() {
        LockSpaces spaces = service();
        Table table = resourceTable();
        for (LockspaceInfo info : spaces.lockspaces()) {
            addResources(table, spaces.resources(info.path()));
        }
        return table;
    }

    @Descriptor("lists the held resources of one lockspace")
    public Table resources(
            @Descriptor("the lockspace directory as created, or \"\" for the default lockspace") String lockspace) {
        LockSpaces spaces = service();
        if (!spaces.exists(lockspace)) {
            throw new IllegalArgumentException("no lockspace '" + lockspace + "' (lockd:lockspaces lists them)");
        }
        Table table = resourceTable();
        addResources(table, spaces.resources(lockspace));
        return table;
    }

    private static Table resourceTable() {
        return new Table("LOCKSPACE", "NAME", "MODE", "OWNERS", "SINCE", "PATH");
    }

    private static void addResources(Table table, List<ResourceInfo> resources) {
        for (ResourceInfo r : resources) {
            String owners = r.owners().stream().map(String::valueOf).collect(Collectors.joining(","));
            table.row(shown(r.lockspace()), r.name(), mode(r), owners, time(r.acquiredAt()), r.path());
        }
    }

    /** @return {@code shared} or {@code exclusive}, with {@code +autocreate} when the file goes with the lock */
    static String mode(ResourceInfo r) {
        return (r.shared() ? "shared" : "exclusive") + (r.autocreate() ? "+autocreate" : "");
    }

    static String shown(String lockspace) {
        return lockspace.isEmpty() ? DEFAULT_LOCKSPACE : lockspace;
    }

    /** @return the instant to the second, in UTC (ISO 8601) */
    static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private LockSpaces service() {
        LockSpaces current = lockSpaces;
        if (current == null) {
            throw new IllegalStateException("the lock service (bundle org.virtlockd.lockspace) is not running");
        }
        return current;
    }
}
