package org.virtlockd.config.internal;

import java.util.List;

/**
 * One value of a libvirt configuration file, typed as virconf types it ({@code virConfType}): a quoted
 * string, a number written without a sign or with {@code +} (unsigned), a number written with {@code -}
 * (signed), or a bracketed list of values.
 */
public sealed interface ConfValue permits ConfValue.Str, ConfValue.Unsigned, ConfValue.Signed, ConfValue.ListOf {

    /** A string in {@code "…"}, {@code '…'} or {@code """…"""}. */
    record Str(String text) implements ConfValue {
    }

    /**
     * A number without a leading {@code -}.
     *
     * @param bits the value as an unsigned 64-bit quantity (libvirt accumulates digits modulo 2^64, so
     *     an over-long number wraps exactly as it does there)
     */
    record Unsigned(long bits) implements ConfValue {
        @Override
        public String toString() {
            return "Unsigned[" + Long.toUnsignedString(bits) + "]";
        }
    }

    /** A number written with a leading {@code -} (also {@code -0}), wrapped modulo 2^64 like libvirt's. */
    record Signed(long value) implements ConfValue {
    }

    /** A list {@code [ v, v, … ]}; the elements may themselves be lists. */
    record ListOf(List<ConfValue> items) implements ConfValue {
        /** @param items the elements, copied */
        public ListOf {
            items = List.copyOf(items);
        }
    }
}
