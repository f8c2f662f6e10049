/**
 * The RPC-program service interface the transport dispatches to, and the per-connection session it
 * hands to programs. A program registers an {@link org.virtlockd.transport.RpcProgram} service with the
 * property {@value org.virtlockd.transport.RpcProgram#SERVER_PROPERTY} naming its server.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.virtlockd.transport;
