package org.virtlockd.config.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A parsed configuration file: its name (as used in messages) and its entries in file order, with typed
 * getters that accept and reject exactly what libvirt's {@code virConfGetValueUInt} and
 * {@code virConfGetValueString} do, with their messages.
 *
 * @param fileName the file name given to the parser
 * @param entries key to value, in file order, first occurrence of each key
 */
public record ConfFile(String fileName, Map<String, ConfValue> entries) {
    /** {@code UINT_MAX}: the largest value {@code virConfGetValueUInt} accepts. */
    static final long UINT_MAX = 0xFFFF_FFFFL;

    /** @param entries copied, order kept */
    public ConfFile {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /**
     * @param key the setting's name
     * @return the value, or empty when the file does not set it
     * @throws ConfigException the value is not an unsigned number, or is larger than {@link #UINT_MAX}
     */
    public OptionalLong unsignedInt(String key) throws ConfigException {
        ConfValue value = entries.get(key);
        if (value == null) {
            return OptionalLong.empty();
        }
        if (!(value instanceof ConfValue.Unsigned number)) {
            throw ConfigException.internal(fileName, "expected an unsigned integer for '" + key + "' parameter");
        }
        if (Long.compareUnsigned(number.bits(), UINT_MAX) > 0) {
            throw ConfigException.internal(fileName,
                    "value for '" + key + "' parameter must be in range 0:" + UINT_MAX);
        }
        return OptionalLong.of(number.bits());
    }

    /**
     * @param key the setting's name
     * @return the string, or empty when the file does not set it
     * @throws ConfigException the value is not a string
     */
    public Optional<String> string(String key) throws ConfigException {
        ConfValue value = entries.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof ConfValue.Str str)) {
            throw ConfigException.internal(fileName, "expected a string for '" + key + "' parameter");
        }
        return Optional.of(str.text());
    }
}
