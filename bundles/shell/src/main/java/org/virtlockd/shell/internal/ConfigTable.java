package org.virtlockd.shell.internal;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.List;
import java.util.Set;

import org.osgi.framework.Constants;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** The daemon's configurations as a table: one row per property, sorted by PID and key. */
final class ConfigTable {

    /** Every configuration of ours: {@code org.virtlockd.transport}, {@code org.virtlockd.logging}, ... */
    static final String FILTER = "(" + Constants.SERVICE_PID + "=org.virtlockd.*)";
    /** Bookkeeping properties Config Admin adds; they are not settings. */
    private static final Set<String> HIDDEN = Set.of(Constants.SERVICE_PID, ConfigurationAdmin.SERVICE_FACTORYPID,
            ConfigurationAdmin.SERVICE_BUNDLELOCATION);

    private ConfigTable() {
    }

    /** @param configurations as {@code listConfigurations} returns them, null when there are none */
    static Table of(Configuration[] configurations) {
        Table table = new Table("PID", "KEY", "VALUE");
        List<Configuration> sorted = new ArrayList<>(configurations == null ? List.of() : Arrays.asList(configurations));
        sorted.sort(Comparator.comparing(Configuration::getPid));
        for (Configuration c : sorted) {
            Dictionary<String, Object> properties = c.getProperties();
            if (properties == null) {
                continue;
            }
            List<String> keys = new ArrayList<>(Collections.list(properties.keys()));
            keys.removeAll(HIDDEN);
            Collections.sort(keys);
            for (String key : keys) {
                table.row(c.getPid(), key, value(properties.get(key)));
            }
        }
        if (sorted.isEmpty()) {
            table.note("no configuration " + FILTER);
        }
        return table;
    }

    /** @return the value as written in the configuration: strings quoted, arrays as lists */
    static String value(Object value) {
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        if (value != null && value.getClass().isArray()) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(value(Array.get(value, i)));
            }
            return items.toString();
        }
        return String.valueOf(value);
    }
}
