package dev.fulcrum.core.host;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.fulcrum.api.ComponentFactory;
import dev.fulcrum.api.InvalidInputException;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The plugin host: loads every plugin jar in a folder, skipping (and naming) the broken ones and
 * refusing those its plugin lock does not pin, gives each plugin its own Guice child injector, and
 * catalogues the factories they provide.
 */
public final class FulcrumHost implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FulcrumHost.class);

    private final Path pluginsFolder;
    private final FulcrumPluginManager manager;
    private final Injector injector;
    private final List<PluginProblem> problems = new ArrayList<>();
    private final Map<String, PluginInfo> plugins = new java.util.TreeMap<>();
    /** Each jar's SHA-256 by file name, taken once before it loads: what the lock checked is what provenance records. */
    private final Map<String, String> jarHashes = new HashMap<>();
    private PluginLock lock;
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
        return start(pluginsFolder, dataFolder, LockPolicy.IF_PRESENT);
    }

    /**
     * Starts a host on the plugin jars in a folder, checking them against the folder's plugin lock as
     * {@code policy} says.
     *
     * @throws InvalidInputException if the policy requires a lock and the folder has none, or the lock is malformed
     */
    public static FulcrumHost start(Path pluginsFolder, Path dataFolder, LockPolicy policy) {
        FulcrumHost host = new FulcrumHost(pluginsFolder, dataFolder);
        host.lock = readLock(pluginsFolder, policy);
        host.loadAll();
        return host;
    }

    private static PluginLock readLock(Path pluginsFolder, LockPolicy policy) {
        Path file = PluginLock.fileIn(pluginsFolder);
        if (policy == LockPolicy.IGNORED) {
            return null;
        }
        if (!Files.isRegularFile(file)) {
            if (policy == LockPolicy.REQUIRED) {
                throw new InvalidInputException("--locked: no plugin lock at " + file.toAbsolutePath()
                        + "; pin the plugins folder first with \"fulcrum plugins --lock\"");
            }
            return null;
        }
        return PluginLock.read(file);
    }

    private void loadAll() {
        if (!Files.isDirectory(pluginsFolder)) {
            problems.add(new PluginProblem(pluginsFolder.toString(), "plugins folder does not exist"));
            catalog = new FactoryCatalog(List.of());
            return;
        }
        PluginJarInspector inspector = new PluginJarInspector(manager.getVersionManager(), manager.getSystemVersion());
        List<Path> jars = jarsIn(pluginsFolder);
        for (Path jar : jars) {
            String name = jar.getFileName().toString();
            String sha256 = Digests.sha256(jar);
            jarHashes.put(name, sha256);
            // Before the inspector and PF4J: a refused jar never gets a class loader, so none of its code runs.
            Optional<String> refusal = lock == null ? Optional.empty() : lock.refusal(name, sha256);
            if (refusal.isPresent()) {
                report(new PluginProblem(name, refusal.get(), PluginProblem.Kind.REFUSED));
                continue;
            }
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
        if (lock != null) {
            List<String> present = jars.stream().map(jar -> jar.getFileName().toString()).toList();
            for (PluginLock.Entry missing : lock.missingFrom(present)) {
                report(new PluginProblem(missing.file(), "pinned in the plugin lock " + lock.file() + " as " + missing.id() + " "
                        + missing.version() + ", but the plugins folder has no such jar", PluginProblem.Kind.REFUSED));
            }
        }
        manager.startPlugins();
        for (PluginWrapper plugin : manager.getPlugins()) {
            if (plugin.getPluginState() != PluginState.STARTED) {
                Throwable cause = plugin.getFailedException();
                String problem = "did not start (" + plugin.getPluginState() + ") from " + jarName(plugin)
                        + (cause == null ? "" : ": " + rootCause(cause));
                // A plugin whose start() threw is code that failed; one left unstarted for another reason is skipped as before.
                report(new PluginProblem(plugin.getPluginId(), problem, cause == null ? PluginProblem.Kind.SKIPPED : PluginProblem.Kind.FAILED));
            }
        }
        rebuildCatalog();
    }

    private static String jarName(PluginWrapper plugin) {
        return plugin.getPluginPath().getFileName().toString();
    }

    private static List<Path> jarsIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list plugins folder " + folder, e);
        }
    }

    private void skip(String source, String problem) {
        report(new PluginProblem(source, problem));
    }

    private void report(PluginProblem problem) {
        if (problem.blocking()) {
            // The launcher stops with this problem as its one-line error; a warning as well would print it twice.
            log.debug("{} plugin {}", problem.kind(), problem);
        } else {
            log.warn("Skipping plugin {}", problem);
        }
        problems.add(problem);
    }

    private void rebuildCatalog() {
        List<FactoryCatalog.Entry> entries = new ArrayList<>();
        plugins.clear();
        for (PluginWrapper plugin : manager.getStartedPlugins()) {
            List<FactoryCatalog.Entry> own = new ArrayList<>();
            try {
                for (Family family : Family.values()) {
                    for (Object factory : manager.getExtensions(family.factoryType(), plugin.getPluginId())) {
                        own.add(new FactoryCatalog.Entry(family, (ComponentFactory<?, ?>) factory, plugin.getPluginId(), jarName(plugin)));
                    }
                }
            } catch (RuntimeException | LinkageError e) {
                report(new PluginProblem(plugin.getPluginId(), "its factories cannot be created (" + jarName(plugin) + "): " + rootCause(e),
                        PluginProblem.Kind.FAILED));
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

    private PluginInfo describe(PluginWrapper plugin, List<FactoryCatalog.Entry> factories) {
        Map<Family, List<String>> types = new EnumMap<>(Family.class);
        factories.stream().sorted(Comparator.comparing(FactoryCatalog.Entry::type))
                .forEach(e -> types.computeIfAbsent(e.family(), f -> new ArrayList<>()).add(e.type()));
        var descriptor = plugin.getDescriptor();
        return new PluginInfo(plugin.getPluginId(), descriptor.getVersion(), descriptor.getProvider(),
                descriptor.getPluginDescription(), descriptor.getRequires(), plugin.getPluginPath(),
                jarHashes.get(jarName(plugin)), types);
    }

    public FactoryCatalog catalog() {
        return catalog;
    }

    /** Plugins that were skipped, refused or failed, and why. */
    public List<PluginProblem> problems() {
        return List.copyOf(problems);
    }

    /** The problems that make this set of plugins other than the one the user has: refused by the lock, or failed. */
    public List<PluginProblem> blockingProblems() {
        return problems.stream().filter(PluginProblem::blocking).toList();
    }

    /** The file name of every jar in the plugins folder, loaded or not, sorted. */
    public List<String> jarFiles() {
        return jarHashes.keySet().stream().sorted().toList();
    }

    /** The plugin lock the jars were checked against, if any. */
    public Optional<PluginLock> lock() {
        return Optional.ofNullable(lock);
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
