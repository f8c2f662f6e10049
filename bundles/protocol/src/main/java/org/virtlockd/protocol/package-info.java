/**
 * libvirt's RPC protocol as virtlockd 9.0.0 speaks it, without any I/O: XDR encoding
 * ({@link org.virtlockd.protocol.XdrWriter}, {@link org.virtlockd.protocol.XdrReader}), the frame length rule
 * ({@link org.virtlockd.protocol.FrameDecoder}, {@link org.virtlockd.protocol.Frames}), the 24-byte
 * {@link org.virtlockd.protocol.Header}, the error struct ({@link org.virtlockd.protocol.RpcError}) and the
 * records of the lock-space, keepalive and admin programs.
 *
 * <p>Two failure kinds, two exceptions: a {@link org.virtlockd.protocol.FrameException} means the byte
 * stream is corrupt and the connection must be closed without a reply; an
 * {@link org.virtlockd.protocol.XdrException} means one message's payload could not be decoded, which
 * the server answers with an error reply while the connection stays open.
 *
 * <p>Unsigned XDR quantities are kept in Java types wide enough to hold them ({@code long} for
 * {@code unsigned int} values that are numbers), or as raw bits where they are bit sets or echoed
 * verbatim (flags, serials, program numbers, {@code unsigned hyper}); each accessor says which.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.virtlockd.protocol;
