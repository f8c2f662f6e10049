/**
 * The operating-system side of virtlockd's locks: POSIX record locks ({@code fcntl(F_SETLK)} on byte
 * 0, length 1) held on raw descriptors, the resource and lockspace files, and process signals.
 *
 * <p>{@link org.virtlockd.filelock.FileLocks} is the backend the lockspace model uses;
 * {@link org.virtlockd.filelock.ProcessSignals} sends the holder rule's signals. Failures are
 * {@link org.virtlockd.api.LockException}s with libvirt's texts. Paths are strings passed to the C
 * library as given (UTF-8), never normalised.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.virtlockd.filelock;
