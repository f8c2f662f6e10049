package org.virtlockd.launch;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reads of the restart state document ({@link RestartParticipant}), with the messages libvirt gives
 * when a field is missing or of the wrong type. Every getter throws {@link IllegalArgumentException} naming
 * the field; the restore of that part then fails as a whole.
 *
 * @since 1.2
 */
public final class StateValues {

    private StateValues() {
    }

    /** @return the object under {@code key}, or empty if absent or null */
    @SuppressWarnings("unchecked")
    public static Optional<Map<String, Object>> object(Map<String, Object> parent, String key) {
        Object v = parent.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof Map)) {
            throw new IllegalArgumentException("Malformed " + key + " data in JSON document: not an object");
        }
        return Optional.of((Map<String, Object>) v);
    }

    /** @return the object under {@code key}; required */
    public static Map<String, Object> requiredObject(Map<String, Object> parent, String key) {
        return object(parent, key).orElseThrow(() -> missing(key));
    }

    /** @return the array under {@code key}, or empty if absent or null */
    public static Optional<List<Object>> array(Map<String, Object> parent, String key) {
        Object v = parent.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof List<?> list)) {
            throw new IllegalArgumentException("Malformed " + key + " data in JSON document: not an array");
        }
        @SuppressWarnings("unchecked")
        List<Object> values = (List<Object>) list;
        return Optional.of(values);
    }

    /** @return an array element as an object */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> element(Object value, String what) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("Malformed " + what + " data in JSON document: not an object");
        }
        return (Map<String, Object>) value;
    }

    /** @return the integer under {@code key}, or empty if absent */
    public static Optional<Long> integer(Map<String, Object> parent, String key) {
        Object v = parent.get(key);
        if (v == null) {
            return Optional.empty();
        }
        return Optional.of(asLong(v, key));
    }

    /** @return the integer under {@code key}; required */
    public static long requiredInteger(Map<String, Object> parent, String key) {
        return integer(parent, key).orElseThrow(() -> missing(key));
    }

    /** @return the boolean under {@code key}, or empty if absent */
    public static Optional<Boolean> bool(Map<String, Object> parent, String key) {
        Object v = parent.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof Boolean b)) {
            throw new IllegalArgumentException("Malformed " + key + " data in JSON document: not a boolean");
        }
        return Optional.of(b);
    }

    /** @return the boolean under {@code key}; required */
    public static boolean requiredBool(Map<String, Object> parent, String key) {
        return bool(parent, key).orElseThrow(() -> missing(key));
    }

    /** @return the string under {@code key}, or empty if absent or null */
    public static Optional<String> string(Map<String, Object> parent, String key) {
        Object v = parent.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("Malformed " + key + " data in JSON document: not a string");
        }
        return Optional.of(s);
    }

    /** @return the string under {@code key}; required */
    public static String requiredString(Map<String, Object> parent, String key) {
        return string(parent, key).orElseThrow(() -> missing(key));
    }

    /** @return a JSON number as a long (libvirt writes unsigned 32-bit numbers, which fit) */
    public static long asLong(Object v, String what) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger big && big.bitLength() < 64) {
            return big.longValue();
        }
        throw new IllegalArgumentException("Malformed " + what + " data in JSON document: not an integer: " + v);
    }

    private static IllegalArgumentException missing(String key) {
        return new IllegalArgumentException("Missing " + key + " data in JSON document");
    }
}
