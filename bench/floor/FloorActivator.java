package floor;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** The framework-only variant: the server started by a bundle activator, no Declarative Services. */
public final class FloorActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) throws Exception {
        new FloorServer().activate();
    }

    @Override
    public void stop(BundleContext context) {
        // the process ends
    }
}
