package dev.fulcrum.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.api.ComponentFactory;
import dev.fulcrum.api.Doc;
import dev.fulcrum.core.host.FactoryCatalog;
import dev.fulcrum.core.host.Family;
import dev.fulcrum.core.host.SharedPackages;
import dev.fulcrum.runtime.config.ConfigDocument;
import dev.fulcrum.runtime.config.ConfigException;
import dev.fulcrum.runtime.config.ConfigPath;
import dev.fulcrum.runtime.config.ParamsBinder;
import dev.fulcrum.runtime.config.ParamsConstraints;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract every plugin keeps, checked on its built jar by a real host. A plugin module's
 * integration test extends this class and says which plugin id and types it expects; its own tests
 * run pipelines on the same host, {@link #host()}: the built jar and the plugins the module tests
 * with. {@link #unloadsCleanly()} checks the jar on a host of its own, alone.
 */
public abstract class PluginContract extends SharedHostTest {

    /** The plugin's {@code Plugin-Id}. */
    protected abstract String pluginId();

    /** The factory types the plugin provides, by family. */
    protected abstract Map<Family, List<String>> expectedTypes();

    @Test
    void jarIsAPluginThatBundlesNoProvidedLibrary() throws IOException {
        try (JarFile jar = new JarFile(TestHost.builtJar().toFile())) {
            Attributes manifest = jar.getManifest().getMainAttributes();
            assertEquals(pluginId(), manifest.getValue("Plugin-Id"));
            for (String required : List.of("Plugin-Version", "Plugin-Requires", "Plugin-Provider")) {
                assertNotNull(manifest.getValue(required), "manifest lacks " + required);
            }
            assertNotNull(jar.getEntry("META-INF/extensions.idx"), "jar has no META-INF/extensions.idx");
            List<String> bundled = new ArrayList<>();
            jar.stream().map(e -> e.getName().replace('/', '.'))
                    .filter(name -> name.endsWith(".class") && SharedPackages.isShared(name))
                    .forEach(bundled::add);
            assertTrue(bundled.isEmpty(), "the jar bundles classes the host provides: " + bundled);
        }
    }

    @Test
    void hostLoadsItAndFindsExactlyItsTypes() {
        assertLoadsWithExactlyItsTypes(host());
    }

    private void assertLoadsWithExactlyItsTypes(TestHost host) {
        assertTrue(host.host().problems().isEmpty(), "problems: " + host.host().problems());
        Map<Family, List<String>> expected = new java.util.EnumMap<>(Family.class);
        expectedTypes().forEach((family, types) -> expected.put(family, types.stream().sorted().toList()));
        assertEquals(expected, host.host().plugin(pluginId()).types());
    }

    @Test
    void everyFactoryDocumentsItsParamsAndBindsItsDefaults() {
        ParamsBinder binder = new ParamsBinder(Path.of("."));
        for (FactoryCatalog.Entry entry : entries()) {
            ComponentFactory<?, ?> factory = entry.factory();
            assertFalse(factory.description().isBlank(), entry.type() + " has no description");
            for (RecordComponent component : factory.paramsType().getRecordComponents()) {
                assertNotNull(component.getAnnotation(Doc.class), entry.type() + "." + component.getName() + " has no @Doc");
            }
            ConfigDocument empty = ConfigDocument.parse("{}", "defaults");
            Object defaults = binder.bind(empty.root(), factory.paramsType(), ConfigPath.ROOT, empty);
            ObjectNode written = binder.unbind(defaults);
            ConfigDocument again = ConfigDocument.parse(written.toString(), "round-trip");
            assertEquals(defaults, binder.bind(again.root(), factory.paramsType(), ConfigPath.ROOT, again),
                    entry.type() + ": defaults do not survive a round trip through YAML");
        }
    }

    /** Binding the defaults above also checks them against these constraints. */
    @Test
    void everyParamsConstraintSitsOnATypeItChecks() {
        for (FactoryCatalog.Entry entry : entries()) {
            assertEquals(List.of(), ParamsConstraints.misplaced(entry.factory().paramsType()), entry.type() + ": misplaced constraints");
        }
    }

    @Test
    void unknownParamsAreRejectedByName() {
        ParamsBinder binder = new ParamsBinder(Path.of("."));
        for (FactoryCatalog.Entry entry : entries()) {
            ConfigDocument document = ConfigDocument.parse("component:\n  no-such-param: 1\n", "p.yaml");
            ConfigException error = assertThrows(ConfigException.class, () -> binder.bind(document.root().get("component"),
                    entry.factory().paramsType(), ConfigPath.ROOT.child("component"), document));
            assertTrue(error.getMessage().startsWith("p.yaml:2: component.no-such-param: unknown parameter"), error.getMessage());
        }
    }

    /** On a host with the built jar alone, so that the plugin needs no other to load, and nothing is left after it. */
    @Test
    void unloadsCleanly() {
        try (TestHost own = TestHost.withJars(List.of(TestHost.builtJar()))) {
            assertLoadsWithExactlyItsTypes(own);
            own.host().unload(pluginId());
            for (Family family : Family.values()) {
                assertEquals(Collections.emptyList(), own.host().catalog().types(family));
            }
            assertTrue(own.host().plugins().isEmpty());
        }
    }

    private List<FactoryCatalog.Entry> entries() {
        List<FactoryCatalog.Entry> entries = new ArrayList<>();
        for (Family family : Family.values()) {
            host().host().catalog().entries(family).stream().filter(e -> e.pluginId().equals(pluginId())).forEach(entries::add);
        }
        assertFalse(entries.isEmpty(), "the plugin provides no factory");
        return entries;
    }
}
