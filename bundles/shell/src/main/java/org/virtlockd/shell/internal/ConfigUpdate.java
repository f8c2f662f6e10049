package org.virtlockd.shell.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.service.cm.Configuration;

/** One property of a configuration changed from the shell, converted to the type it has now. */
final class ConfigUpdate {

    private ConfigUpdate() {
    }

    static void apply(Configuration configuration, String key, String text) throws IOException {
        Dictionary<String, Object> current = configuration.getProperties();
        Dictionary<String, Object> next = new Hashtable<>();
        if (current != null) {
            for (var keys = current.keys(); keys.hasMoreElements();) {
                String k = keys.nextElement();
                next.put(k, current.get(k));
            }
        }
        Object old = current == null ? null : current.get(key);
        next.put(key, convert(key, old, text));
        configuration.update(next);
    }

    static Object convert(String key, Object old, String text) {
        try {
            if (old instanceof Integer) {
                return Integer.valueOf(text.trim());
            }
            if (old instanceof Long) {
                return Long.valueOf(text.trim());
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " takes a whole number, not '" + text + "'", e);
        }
        if (old instanceof Boolean) {
            if (!text.equals("true") && !text.equals("false")) {
                throw new IllegalArgumentException(key + " takes true or false, not '" + text + "'");
            }
            return Boolean.valueOf(text);
        }
        if (old != null && !(old instanceof String)) {
            throw new IllegalArgumentException(key + " holds a " + old.getClass().getSimpleName()
                    + ", which the shell cannot set");
        }
        return text;
    }
}
