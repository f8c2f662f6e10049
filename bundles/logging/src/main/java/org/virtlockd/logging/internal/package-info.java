/**
 * The logging bundle's implementation.
 *
 * <p>jnr-ffi defines the classes it generates for a bound interface in a loader whose parent is this
 * bundle's, and they link against jnr-ffi's and jffi's internal packages. Our launcher exports those from
 * its class path (Felix then finds them by implicit boot delegation); in other frameworks the natives
 * bundle exports them and this dynamic import makes them visible.
 */
@org.osgi.annotation.bundle.Header(name = "DynamicImport-Package", value = "jnr.ffi,jnr.ffi.*,com.kenai.jffi,com.kenai.jffi.*")
package org.virtlockd.logging.internal;
