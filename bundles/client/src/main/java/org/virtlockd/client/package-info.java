/**
 * A blocking Java client of libvirt's lock-space program ({@code virtlockd-sock}), for embedders and
 * tests: {@link org.virtlockd.client.LockClient} sends one call at a time with a per-connection serial
 * counter starting at 0, as libvirt's {@code lockd} plugin does, and matches each reply the way libvirt's
 * RPC client does. A refusal by the daemon is a {@link org.virtlockd.client.LockClientException} carrying
 * the decoded error; I/O failures, timeouts and protocol violations are {@link java.io.IOException}s and
 * close the connection.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.virtlockd.client;
