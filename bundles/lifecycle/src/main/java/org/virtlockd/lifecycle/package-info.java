/**
 * The daemon's lifecycle services for other bundles: the idle timeout that the admin program's
 * CONNECT_SET_DAEMON_TIMEOUT changes at runtime.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.virtlockd.lifecycle;
