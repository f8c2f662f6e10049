/**
 * A read-only view of the lock program for inspection tools such as the daemon's shell: the owner each
 * lock-program connection registered, whether it is restricted, and the per-procedure counters. The
 * program itself, its guards and its per-connection state stay private to this bundle.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.virtlockd.lockprogram;
