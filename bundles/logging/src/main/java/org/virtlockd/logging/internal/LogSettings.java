package org.virtlockd.logging.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * libvirt's log settings (spec 6.4): a default priority, filters {@code "level:match ..."} and outputs
 * {@code "level:stderr level:file:PATH ..."}, separated by spaces. Priorities: 1 debug, 2 info, 3 warning,
 * 4 error. A filter's match is stored as the glob {@code *match*} ({@code *} and {@code ?} as in glib's
 * simple patterns; a leading {@code +} is accepted and dropped); the first matching filter sets the priority
 * for that source. An output that repeats an earlier one's destination (same kind, same file or ident) is
 * dropped and the new one appended. The error texts are
 * libvirt 9.0.0's, checked live with {@code virt-admin daemon-log-filters} and {@code daemon-log-outputs}.
 */
record LogSettings(int priority, List<Filter> filters, List<OutputSpec> outputs) {

    static final int DEBUG = 1;
    static final int INFO = 2;
    static final int WARNING = 3;
    static final int ERROR = 4;

    record Filter(int priority, String match) {
        boolean matches(String source) {
            return glob("*" + match + "*", source);
        }

        /** @return as libvirt lists it: {@code 1:*match*} */
        @Override
        public String toString() {
            return priority + ":*" + match + "*";
        }
    }

    /**
     * An output: its priority, its kind ({@code stderr}, {@code journald}, {@code syslog}, {@code file}) and
     * the kind's argument (the syslog ident, the absolute file path; "" for the others).
     */
    record OutputSpec(int priority, String kind, String argument) {
        /** @return as libvirt lists it: {@code 3:stderr}, {@code 2:syslog:ident}, {@code 1:file:/path} */
        @Override
        public String toString() {
            return priority + ":" + kind + (hasArgument(kind) ? ":" + argument : "");
        }

        static boolean hasArgument(String kind) {
            return kind.equals("file") || kind.equals("syslog");
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
            String[] tokens = item.split(":", -1);
            if (tokens.length < 2) {
                throw new IllegalArgumentException("Malformed format for filter '" + item + "'");
            }
            int level = priorityOf(tokens[0], "Invalid priority '" + tokens[0] + "' for filter '" + item + "'");
            // libvirt uses the second token only: "1:a:b" filters on "a".
            String match = tokens[1].startsWith("+") ? tokens[1].substring(1) : tokens[1];
            if (match.isEmpty()) {
                throw new IllegalArgumentException("Invalid match string '" + tokens[1] + "'");
            }
            out.add(new Filter(level, match));
        }
        return out;
    }

    static List<OutputSpec> parseOutputs(String text) {
        List<OutputSpec> out = new ArrayList<>();
        for (String item : words(text)) {
            String[] tokens = item.split(":", -1);
            if (tokens.length < 2) {
                throw new IllegalArgumentException("Malformed format for log output '" + item + "'");
            }
            int level = priorityOf(tokens[0], "Invalid log priority '" + tokens[0] + "' for log output '" + item + "'");
            String kind = tokens[1];
            int expected = switch (kind) {
                case "stderr", "journald" -> 2;
                case "file", "syslog" -> 3;
                default -> throw new IllegalArgumentException(
                        "Invalid log destination '" + kind + "' for log output '" + item + "'");
            };
            if (tokens.length != expected) {
                throw new IllegalArgumentException("Log output '" + item
                        + "' does not meet the format requirements for destination type '" + kind + "'");
            }
            // libvirt makes a file output's path absolute and lexically canonical (g_canonicalize_filename).
            String arg = kind.equals("file") ? Path.of(tokens[2]).toAbsolutePath().normalize().toString()
                    : kind.equals("syslog") ? tokens[2] : "";
            out.removeIf(o -> o.kind().equals(kind) && o.argument().equals(arg));
            out.add(new OutputSpec(level, kind, arg));
        }
        return out;
    }

    /** virStrToLong_uip: C white space, an optional '+', decimal digits to the end; then 1 to 4. */
    private static int priorityOf(String text, String error) {
        int p = 0;
        while (p < text.length() && " \t\n\u000b\f\r".indexOf(text.charAt(p)) >= 0) {
            p++;
        }
        if (p < text.length() && text.charAt(p) == '+') {
            p++;
        }
        String digits = text.substring(p);
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(error);
        }
        String value = digits.replaceFirst("^0+(?=.)", "");
        if (value.length() != 1 || value.charAt(0) < '1' || value.charAt(0) > '4') {
            throw new IllegalArgumentException(error);
        }
        return value.charAt(0) - '0';
    }

    /** libvirt splits at single spaces (not other white space) and skips the empty pieces. */
    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String w : text.split(" ")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** glib's g_pattern_match_simple: {@code *} any run of characters, {@code ?} one character. */
    static boolean glob(String pattern, String s) {
        int p = 0;
        int i = 0;
        int star = -1;
        int mark = 0;
        while (i < s.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = i;
            } else if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == s.charAt(i))) {
                p++;
                i++;
            } else if (star >= 0) {
                p = star + 1;
                i = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
