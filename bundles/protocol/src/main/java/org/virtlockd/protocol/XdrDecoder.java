package org.virtlockd.protocol;

/**
 * Reads one XDR item, typically a record's {@code decode} method: {@code Owner::decode}.
 *
 * @param <T> the decoded type
 */
@FunctionalInterface
public interface XdrDecoder<T> {
    /**
     * @param reader positioned at the item
     * @return the item
     * @throws XdrException if the item cannot be decoded
     */
    T decode(XdrReader reader) throws XdrException;
}
