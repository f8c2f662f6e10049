/**
 * The in-process lock service: lockspaces, resources and their owners, as virtlockd keeps them.
 *
 * <p>{@link org.virtlockd.api.LockSpaces} is the model the lock program calls;
 * {@link org.virtlockd.api.LockManager} is the embedder's face of the same model, with owners as the
 * protocol registers them ({@link org.virtlockd.api.LockOwner}) and leases released when the using bundle
 * goes away;
 * {@link org.virtlockd.api.OwnerFencing} applies libvirt's holder rule when a lock holder's
 * connection ends. Failures are {@link org.virtlockd.api.LockException}s that carry libvirt's error
 * code, domain and detail text, so that one mapper can build libvirt's wire error from them. Nothing
 * here knows about XDR, sockets or file descriptors beyond reporting their numbers.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.virtlockd.api;
