package dev.fulcrum.core.host;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.fulcrum.api.ComponentFactory;
import dev.fulcrum.core.FulcrumVersion;
import dev.fulcrum.core.run.Digests;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The plugin host: loads every plugin jar in a folder, skipping (and naming) the broken ones,
 * gives each plugin its own Guice child injector, and catalogues the factories they provide.
 */
public final class FulcrumHost implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FulcrumHost.class);

    private final Path pluginsFolder;
    private final FulcrumPluginManager manager;
    private final Injector injector;
    private final List<PluginProblem> problems = new ArrayList<>();
    private final Map<String, PluginInfo> plugins = new java.util.TreeMap<>();
    private FactoryCatalog catalog;

    private FulcrumHost(Path pluginsFolder, Path dataFolder) {
        this.pluginsFolder = pluginsFolder;
        this.manager = new FulcrumPluginManager(pluginsFolder, FulcrumVersion.fulcrum());
        this.injector = Guice.createInjector(new AbstractModule() {
            @Override
            protected void configure() {
                bind(FulcrumHost.class).toInstance(FulcrumHost.this);
            }
        });
        manager.useInjectors(new PluginInjectors(injector, dataFolder));
    }

    /**
     * Starts a host on the plugin jars in a folder.
     *
     * @param dataFolder the parent of each plugin's own data folder
     */
    public static FulcrumHost start(Path pluginsFolder, Path dataFolder) {
        FulcrumHost host = new FulcrumHost(pluginsFolder, dataFolder);
        host.loadAll();
        return host;
    }

    private void loadAll() {
        if (!Files.isDirectory(pluginsFolder)) {
            problems.add(new PluginProblem(pluginsFolder.toString(), "plugins folder does not exist"));
            catalog = new FactoryCatalog(List.of());
            return;
        }
        PluginJarInspector inspector = new PluginJarInspector(manager.getVersionManager(), manager.getSystemVersion());
        for (Path jar : jarsIn(pluginsFolder)) {
            String name = jar.getFileName().toString();
            var problem = inspector.problemWith(jar);
            if (problem.isPresent()) {
                skip(name, problem.get());
                continue;
            }
            try {
                manager.loadPlugin(jar);
            } catch (RuntimeException e) {
                skip(name, "cannot load: " + e.getMessage());
            }
        }
        manager.startPlugins();
        for (PluginWrapper plugin : manager.getPlugins()) {
            if (plugin.getPluginState() != PluginState.STARTED) {
                Throwable cause = plugin.getFailedException();
                skip(plugin.getPluginId(), "did not start (" + plugin.getPluginState() + ")"
                        + (cause == null ? "" : ": " + cause.getMessage()));
            }
        }
        rebuildCatalog();
    }

    private static List<Path> jarsIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list plugins folder " + folder, e);
        }
    }

    private void skip(String source, String problem) {
        log.warn("Skipping plugin {}: {}", source, problem);
        problems.add(new PluginProblem(source, problem));
    }

    private void rebuildCatalog() {
        List<FactoryCatalog.Entry> entries = new ArrayList<>();
        plugins.clear();
        for (PluginWrapper plugin : manager.getStartedPlugins()) {
            List<FactoryCatalog.Entry> own = new ArrayList<>();
            try {
                for (Family family : Family.values()) {
                    for (Object factory : manager.getExtensions(family.factoryType(), plugin.getPluginId())) {
                        own.add(new FactoryCatalog.Entry(family, (ComponentFactory<?, ?>) factory, plugin.getPluginId()));
                    }
                }
            } catch (RuntimeException | LinkageError e) {
                skip(plugin.getPluginId(), "its factories cannot be created: " + rootCause(e));
                continue;
            }
            own.removeIf(entry -> isDuplicate(entry, entries));
            entries.addAll(own);
            plugins.put(plugin.getPluginId(), describe(plugin, own));
        }
        catalog = new FactoryCatalog(entries);
    }

    private static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private boolean isDuplicate(FactoryCatalog.Entry entry, List<FactoryCatalog.Entry> earlier) {
        for (FactoryCatalog.Entry other : earlier) {
            if (other.family() == entry.family() && other.type().equals(entry.type())) {
                problems.add(new PluginProblem(entry.pluginId(), entry.family().noun() + " type \"" + entry.type()
                        + "\" is already provided by plugin " + other.pluginId() + "; this one is ignored"));
                return true;
            }
        }
        return false;
    }

    private static PluginInfo describe(PluginWrapper plugin, List<FactoryCatalog.Entry> factories) {
        Map<Family, List<String>> types = new EnumMap<>(Family.class);
        factories.stream().sorted(Comparator.comparing(FactoryCatalog.Entry::type))
                .forEach(e -> types.computeIfAbsent(e.family(), f -> new ArrayList<>()).add(e.type()));
        var descriptor = plugin.getDescriptor();
        return new PluginInfo(plugin.getPluginId(), descriptor.getVersion(), descriptor.getProvider(),
                descriptor.getPluginDescription(), descriptor.getRequires(), plugin.getPluginPath(),
                Digests.sha256(plugin.getPluginPath()), types);
    }

    public FactoryCatalog catalog() {
        return catalog;
    }

    /** Plugins that were skipped, and why. */
    public List<PluginProblem> problems() {
        return List.copyOf(problems);
    }

    /** Plugins loaded and started, by id. */
    public List<PluginInfo> plugins() {
        return List.copyOf(plugins.values());
    }

    public PluginInfo plugin(String id) {
        PluginInfo info = plugins.get(id);
        if (info == null) {
            throw new IllegalArgumentException("no plugin " + id + " is loaded");
        }
        return info;
    }

    public Path pluginsFolder() {
        return pluginsFolder;
    }

    /** The root injector; each plugin's injector is a child of it. */
    public Injector injector() {
        return injector;
    }

    /** Stops and unloads one plugin; its factories leave the catalog. */
    public void unload(String pluginId) {
        if (!manager.unloadPlugin(pluginId)) {
            throw new IllegalArgumentException("plugin " + pluginId + " was not loaded");
        }
        manager.injectors().forget(pluginId);
        rebuildCatalog();
    }

    /**
     * Stops and unloads every plugin, one at a time: PF4J 3.15's {@code stopPlugins()} throws a
     * ConcurrentModificationException with more than one plugin (pf4j/pf4j#656).
     */
    @Override
    public void close() {
        List<String> ids = manager.getPlugins().stream().map(PluginWrapper::getPluginId).toList();
        for (String id : ids) {
            manager.unloadPlugin(id);
        }
    }
}
