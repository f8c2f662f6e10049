package floor;

import java.io.File;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * The least a Felix launcher does: a framework on a persistent bundle cache (args[0]; the bundles args[1..] are
 * installed on the first run only, later runs reuse the cache as our launcher does), every bundle started. With
 * {@code -Dfloor.exitAfter=MS} it stops after that long (the class-data training run).
 */
public final class FloorLaunch {

    public static void main(String[] args) throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put("org.osgi.framework.storage", args[0]);
        Framework framework = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow().newFramework(config);
        framework.init();
        BundleContext context = framework.getBundleContext();
        if (context.getBundles().length == 1) {
            for (int i = 1; i < args.length; i++) {
                context.installBundle(new File(args[i]).toURI().toString());
            }
        }
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getBundleId() != 0) {
                bundle.start();
            }
        }
        framework.start();
        String exitAfter = System.getProperty("floor.exitAfter");
        if (exitAfter != null) {
            Thread.sleep(Long.parseLong(exitAfter));
            framework.stop();
            framework.waitForStop(0);
            System.exit(0);
        }
        framework.waitForStop(0);
    }
}
