package org.virtlockd.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The command line as libvirt's virtlockd parses it with {@code getopt_long} and the short options
 * {@code df:p:t:vVh}: options act in the order given (so {@code -V} prints the version as soon as it is
 * reached), long options may be abbreviated to a unique prefix, and arguments that are not options are
 * ignored.
 */
final class Options {

    /** Largest idle timeout libvirt accepts: {@code INT_MAX / 1000} seconds. */
    static final int TIMEOUT_MAX = Integer.MAX_VALUE / 1000;

    /** What the command line asks for. */
    enum Action { RUN, HELP, VERSION }

    /** What strtol skips in front of a number: C's isspace(). */
    private static final String C_SPACE = " \t\n\u000b\f\r";

    private static final List<String> LONG = List.of("verbose", "daemon", "config", "timeout", "pid-file", "version", "help");

    Action action = Action.RUN;
    boolean verbose;
    boolean daemon;
    String configFile;
    String pidFile;
    OptionalInt timeout = OptionalInt.empty();

    /** A command-line mistake: the message is getopt's or libvirt's text; the usage follows it. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean showUsage;

        UsageException(String message, boolean showUsage) {
            super(message);
            this.showUsage = showUsage;
        }

        boolean showUsage() {
            return showUsage;
        }
    }

    /**
     * Parses {@code args} as libvirt does.
     *
     * @param command argv[0], used in getopt's messages
     * @param args the arguments after argv[0]
     * @return the parsed options; parsing stops early at {@code -h} or {@code -V}
     * @throws UsageException on an unknown option, a missing argument or an invalid timeout
     */
    static Options parse(String command, List<String> args) throws UsageException {
        Options o = new Options();
        List<String> rest = new ArrayList<>(args);
        int i = 0;
        while (i < rest.size() && o.action == Action.RUN) {
            String a = rest.get(i++);
            if (a.equals("--")) {
                break;
            } else if (a.startsWith("--")) {
                i = o.parseLong(command, a.substring(2), rest, i);
            } else if (a.startsWith("-") && a.length() > 1) {
                i = o.parseShortCluster(command, a, rest, i);
            }
        }
        return o;
    }

    private int parseLong(String command, String text, List<String> rest, int i) throws UsageException {
        int eq = text.indexOf('=');
        String name = eq < 0 ? text : text.substring(0, eq);
        String inline = eq < 0 ? null : text.substring(eq + 1);
        List<String> matches = new ArrayList<>();
        for (String candidate : LONG) {
            if (candidate.equals(name)) {
                matches = List.of(candidate);
                break;
            }
            if (candidate.startsWith(name)) {
                matches.add(candidate);
            }
        }
        if (matches.isEmpty()) {
            throw new UsageException(command + ": unrecognized option '--" + text + "'", true);
        }
        if (matches.size() > 1) {
            // glibc names the whole argument here, "=value" included, but only the option in the other messages.
            StringBuilder b = new StringBuilder(command + ": option '--" + text + "' is ambiguous; possibilities:");
            matches.forEach(m -> b.append(" '--").append(m).append('\''));
            throw new UsageException(b.toString(), true);
        }
        String opt = matches.get(0);
        char shortName = shortNameOf(opt);
        if (takesArgument(shortName)) {
            String value = inline;
            if (value == null) {
                if (i >= rest.size()) {
                    throw new UsageException(command + ": option '--" + opt + "' requires an argument", true);
                }
                value = rest.get(i++);
            }
            apply(shortName, value);
        } else {
            if (inline != null) {
                throw new UsageException(command + ": option '--" + opt + "' doesn't allow an argument", true);
            }
            apply(shortName, null);
        }
        return i;
    }

    private int parseShortCluster(String command, String a, List<String> rest, int i) throws UsageException {
        for (int k = 1; k < a.length() && action == Action.RUN; k++) {
            char c = a.charAt(k);
            if ("dfptvVh".indexOf(c) < 0) {
                throw new UsageException(command + ": invalid option -- '" + c + "'", true);
            }
            if (takesArgument(c)) {
                String value;
                if (k + 1 < a.length()) {
                    value = a.substring(k + 1);
                } else if (i < rest.size()) {
                    value = rest.get(i++);
                } else {
                    throw new UsageException(command + ": option requires an argument -- '" + c + "'", true);
                }
                apply(c, value);
                return i;
            }
            apply(c, null);
        }
        return i;
    }

    private static char shortNameOf(String longName) {
        return switch (longName) {
            case "version" -> 'V';
            case "pid-file" -> 'p';
            case "config" -> 'f';
            default -> longName.charAt(0);
        };
    }

    private static boolean takesArgument(char c) {
        return c == 'f' || c == 'p' || c == 't';
    }

    private void apply(char c, String value) throws UsageException {
        switch (c) {
            case 'v' -> verbose = true;
            case 'd' -> daemon = true;
            case 'f' -> configFile = value;
            case 'p' -> pidFile = value;
            case 't' -> timeout = OptionalInt.of(parseTimeout(value));
            case 'V' -> action = Action.VERSION;
            case 'h' -> action = Action.HELP;
            default -> throw new IllegalStateException("unhandled option " + c);
        }
    }

    /**
     * libvirt reads the timeout with {@code virStrToLong_i}: leading C white space and a sign are accepted,
     * at least one digit is required, and what follows the digits is not checked.
     */
    static int parseTimeout(String value) throws UsageException {
        int p = 0;
        while (p < value.length() && C_SPACE.indexOf(value.charAt(p)) >= 0) {
            p++;
        }
        int start = p;
        if (p < value.length() && (value.charAt(p) == '+' || value.charAt(p) == '-')) {
            p++;
        }
        int digits = p;
        while (p < value.length() && value.charAt(p) >= '0' && value.charAt(p) <= '9') {
            p++;
        }
        if (p == digits) {
            throw invalidTimeout();
        }
        long v;
        try {
            v = Long.parseLong(value.substring(start, p));
        } catch (NumberFormatException e) {
            throw invalidTimeout();
        }
        if (v < 0 || v > TIMEOUT_MAX) {
            throw invalidTimeout();
        }
        return (int) v;
    }

    private static UsageException invalidTimeout() {
        return new UsageException("Invalid value for timeout", false);
    }
}
