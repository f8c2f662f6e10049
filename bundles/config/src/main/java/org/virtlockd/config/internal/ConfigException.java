package org.virtlockd.config.internal;

/**
 * A configuration file could not be read, parsed or interpreted. The message is libvirt's complete error
 * text, category prefix included, as {@code virGetLastErrorMessage()} would return it, for example
 * {@code configuration file syntax error: /etc/libvirt/virtlockd.conf:3: expecting a value}.
 */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    /** libvirt's text for {@code VIR_ERR_CONF_SYNTAX} ({@code src/util/virerror.c}). */
    static final String SYNTAX_PREFIX = "configuration file syntax error: ";
    /** libvirt's text for {@code VIR_ERR_INTERNAL_ERROR}, used by the typed getters of virconf. */
    static final String INTERNAL_PREFIX = "internal error: ";
    /** libvirt's text for {@code VIR_ERR_INVALID_ARG}. */
    static final String INVALID_ARG_PREFIX = "invalid argument: ";

    private ConfigException(String message) {
        super(message);
    }

    /**
     * @param file the file name as given to the parser
     * @param line the 1-based line the parser had reached
     * @param what libvirt's description, such as {@code expecting a value}
     * @return a syntax error worded as libvirt's {@code virConfError}
     */
    static ConfigException syntax(String file, int line, String what) {
        return new ConfigException(SYNTAX_PREFIX + file + ":" + line + ": " + what);
    }

    /**
     * @param file the file name as given to the parser
     * @param what the detail, such as {@code expected a string for 'log_filters' parameter}
     * @return a type or range error worded as libvirt's {@code virConfGetValue*} functions
     */
    static ConfigException internal(String file, String what) {
        return new ConfigException(INTERNAL_PREFIX + file + ": " + what);
    }

    /**
     * @param what the complete detail
     * @return an invalid-argument error, as libvirt's logging set-up reports a bad priority
     */
    static ConfigException invalidArgument(String what) {
        return new ConfigException(INVALID_ARG_PREFIX + what);
    }

    /**
     * @param message a system error already worded as libvirt's {@code virReportSystemError}
     *     ({@code <what>: <strerror>})
     * @return the error
     */
    static ConfigException system(String message) {
        return new ConfigException(message);
    }
}
