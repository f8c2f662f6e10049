/**
 * Services that the virtlockd launcher registers in the framework it starts: the facts of this launch
 * ({@link org.virtlockd.launch.LaunchContext}) and the control of the process
 * ({@link org.virtlockd.launch.DaemonControl}). Both are optional for bundles: in another framework
 * they are absent and settings come from Config Admin.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.virtlockd.launch;
