/**
 * Runtime control of libvirt-style logging: the outputs and filters in use, read and replaced while the
 * daemon runs (virt-admin's {@code daemon-log-outputs} and {@code daemon-log-filters}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.virtlockd.logging;
