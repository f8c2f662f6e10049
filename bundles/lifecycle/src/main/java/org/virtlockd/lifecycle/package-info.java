/**
 * Lifecycle services of the daemon that other bundles drive: the idle timeout
 * ({@link org.virtlockd.lifecycle.IdleTimeout}), which the admin program changes at runtime.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.virtlockd.lifecycle;
