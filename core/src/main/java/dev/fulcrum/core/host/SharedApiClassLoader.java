package dev.fulcrum.core.host;

import org.pf4j.ClassLoadingStrategy;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * A plugin's class loader: {@link SharedPackages} load from the host; everything else loads from
 * the plugin's own jar first, so a plugin can bundle its own versions of other libraries.
 */
final class SharedApiClassLoader extends PluginClassLoader {

    SharedApiClassLoader(PluginManager manager, PluginDescriptor descriptor, ClassLoader parent) {
        super(manager, descriptor, parent, ClassLoadingStrategy.PDA);
    }

    @Override
    protected boolean shouldDelegateToParent(String className) {
        return SharedPackages.isShared(className);
    }
}
