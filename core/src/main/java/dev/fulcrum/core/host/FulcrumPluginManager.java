package dev.fulcrum.core.host;

import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionFactory;
import org.pf4j.ExtensionFinder;
import org.pf4j.JarPluginLoader;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.Plugin;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginLoader;
import org.pf4j.DefaultPluginDescriptor;

import java.nio.file.Path;

/**
 * PF4J configured for Fulcrum: plugins are jars with a manifest, shared packages load from the
 * host, extensions come only from plugins and are made by each plugin's Guice injector.
 */
final class FulcrumPluginManager extends DefaultPluginManager {

    private PluginInjectors injectors;

    FulcrumPluginManager(Path pluginsFolder, String systemVersion) {
        super(pluginsFolder);
        setSystemVersion(systemVersion);
    }

    void useInjectors(PluginInjectors value) {
        injectors = value;
    }

    PluginInjectors injectors() {
        return injectors;
    }

    @Override
    protected PluginDescriptorFinder createPluginDescriptorFinder() {
        return new ManifestPluginDescriptorFinder() {
            @Override
            protected DefaultPluginDescriptor createPluginDescriptorInstance() {
                return new OptionalClassDescriptor();
            }
        };
    }

    /** Most Fulcrum plugins need no lifecycle code, so {@code Plugin-Class} is optional. */
    private static final class OptionalClassDescriptor extends DefaultPluginDescriptor {
        @Override
        public String getPluginClass() {
            String declared = super.getPluginClass();
            return declared == null || declared.isBlank() ? Plugin.class.getName() : declared;
        }
    }

    @Override
    protected PluginLoader createPluginLoader() {
        return new JarPluginLoader(this) {
            @Override
            protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
                return new SharedApiClassLoader(pluginManager, descriptor, getClass().getClassLoader());
            }
        };
    }

    @Override
    protected ExtensionFinder createExtensionFinder() {
        PluginOnlyExtensionFinder finder = new PluginOnlyExtensionFinder(this);
        addPluginStateListener(finder);
        return finder;
    }

    @Override
    protected ExtensionFactory createExtensionFactory() {
        // Called from the super constructor, before the injectors exist: look them up when needed.
        return new GuiceExtensionFactory(this, this::injectors);
    }
}
