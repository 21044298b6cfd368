package dev.fulcrum.core.host;

import org.pf4j.ExtensionFactory;
import org.pf4j.PluginManager;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginWrapper;

import java.util.function.Supplier;

/** Creates each extension through the Guice injector of the plugin that owns it. */
final class GuiceExtensionFactory implements ExtensionFactory {

    private final PluginManager manager;
    private final Supplier<PluginInjectors> injectors;

    GuiceExtensionFactory(PluginManager manager, Supplier<PluginInjectors> injectors) {
        this.manager = manager;
        this.injectors = injectors;
    }

    @Override
    public <T> T create(Class<T> extensionClass) {
        PluginWrapper owner = manager.whichPlugin(extensionClass);
        if (owner == null) {
            throw new PluginRuntimeException("extension " + extensionClass.getName() + " belongs to no plugin; "
                    + "Fulcrum loads extensions from plugin jars only");
        }
        return injectors.get().of(owner).getInstance(extensionClass);
    }
}
