package org.virtlockd.logging.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * libvirt's log settings (spec 6.4): a default priority, filters {@code "level:match ..."} and outputs
 * {@code "level:stderr level:file:PATH ..."}. Priorities: 1 debug, 2 info, 3 warning, 4 error. A filter's
 * match is a substring of the message source (stored as the glob {@code *match*}; a leading {@code +} is
 * accepted and dropped); the first matching filter sets the priority for that source.
 */
record LogSettings(int priority, List<Filter> filters, List<OutputSpec> outputs) {

    static final int DEBUG = 1;
    static final int INFO = 2;
    static final int WARNING = 3;
    static final int ERROR = 4;

    record Filter(int priority, String match) {
        boolean matches(String source) {
            return source.contains(match);
        }
    }

    /** An output: its priority, its kind ({@code stderr}, {@code file}) and the kind's argument. */
    record OutputSpec(int priority, String kind, String argument) {
        @Override
        public String toString() {
            return priority + ":" + kind + (argument.isEmpty() ? "" : ":" + argument);
        }
    }

    /** The priority a message from {@code source} needs to be logged, before the outputs' own levels. */
    int thresholdFor(String source) {
        for (Filter f : filters) {
            if (f.matches(source)) {
                return f.priority();
            }
        }
        return priority;
    }

    static List<Filter> parseFilters(String text) {
        List<Filter> out = new ArrayList<>();
        for (String item : words(text)) {
            int colon = item.indexOf(':');
            if (colon <= 0 || colon == item.length() - 1) {
                throw new IllegalArgumentException("Malformed format for filter '" + item + "'");
            }
            int level = priorityOf(item.substring(0, colon), "filter", item);
            String match = item.substring(colon + 1);
            if (match.startsWith("+")) {
                match = match.substring(1);
            }
            out.add(new Filter(level, match));
        }
        return out;
    }

    static List<OutputSpec> parseOutputs(String text) {
        List<OutputSpec> out = new ArrayList<>();
        for (String item : words(text)) {
            String[] parts = item.split(":", 3);
            if (parts.length < 2) {
                throw new IllegalArgumentException("Malformed format for output '" + item + "'");
            }
            int level = priorityOf(parts[0], "output", item);
            String kind = parts[1];
            String arg = parts.length == 3 ? parts[2] : "";
            switch (kind) {
                case "stderr" -> {
                    if (!arg.isEmpty()) {
                        throw new IllegalArgumentException("Malformed format for output '" + item + "'");
                    }
                }
                case "file" -> {
                    if (arg.isEmpty() || !arg.startsWith("/")) {
                        throw new IllegalArgumentException("Malformed format for output '" + item + "'");
                    }
                }
                default -> throw new IllegalArgumentException("Unsupported log output '" + kind + "' in '" + item + "'");
            }
            out.add(new OutputSpec(level, kind, arg));
        }
        return out;
    }

    private static int priorityOf(String text, String what, String item) {
        if (text.length() == 1 && text.charAt(0) >= '1' && text.charAt(0) <= '4') {
            return text.charAt(0) - '0';
        }
        throw new IllegalArgumentException("Malformed format for " + what + " '" + item + "'");
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String w : text.trim().split("\\s+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }
}
