/** A bundle that uses the lock manager, for the in-framework and Karaf tests. */
package org.virtlockd.itests.osgi.probe;
