package dev.fulcrum.core.host;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.name.Names;
import dev.fulcrum.api.PluginBindings;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Guice child injector per plugin, under the host's root injector: the plugin's own modules
 * plus its id, logger and data folder. Plugin classes are bound only here, never in the root.
 */
final class PluginInjectors {

    private final Injector root;
    private final Path dataRoot;
    private final Map<String, Injector> byPlugin = new ConcurrentHashMap<>();

    PluginInjectors(Injector root, Path dataRoot) {
        this.root = root;
        this.dataRoot = dataRoot;
    }

    Injector of(PluginWrapper plugin) {
        return byPlugin.computeIfAbsent(plugin.getPluginId(), id -> create(plugin));
    }

    void forget(String pluginId) {
        byPlugin.remove(pluginId);
    }

    private Injector create(PluginWrapper plugin) {
        List<Module> modules = new ArrayList<>();
        modules.add(new PluginScopeModule(plugin.getPluginId(), dataRoot.resolve(plugin.getPluginId())));
        ClassLoader loader = plugin.getPluginClassLoader();
        for (Module module : ServiceLoader.load(Module.class, loader)) {
            // The service file of a plugin's class loader also lists the host's own modules; take only the plugin's.
            if (module.getClass().getClassLoader() == loader) {
                modules.add(module);
            }
        }
        return root.createChildInjector(modules);
    }

    private static final class PluginScopeModule extends AbstractModule {
        private final String pluginId;
        private final Path dataFolder;

        PluginScopeModule(String pluginId, Path dataFolder) {
            this.pluginId = pluginId;
            this.dataFolder = dataFolder;
        }

        @Override
        protected void configure() {
            bind(String.class).annotatedWith(Names.named(PluginBindings.PLUGIN_ID)).toInstance(pluginId);
            bind(Path.class).annotatedWith(Names.named(PluginBindings.DATA_FOLDER)).toInstance(dataFolder);
            bind(Logger.class).toInstance(LoggerFactory.getLogger(pluginId));
        }
    }
}
