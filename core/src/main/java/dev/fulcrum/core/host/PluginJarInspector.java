package dev.fulcrum.core.host;

import org.pf4j.VersionManager;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Checks a jar before PF4J loads it, so that a broken one is named with a reason a user can act
 * on instead of failing deep inside the loader.
 */
final class PluginJarInspector {

    static final String EXTENSION_INDEX = "META-INF/extensions.idx";

    private final VersionManager versions;
    private final String systemVersion;

    PluginJarInspector(VersionManager versions, String systemVersion) {
        this.versions = versions;
        this.systemVersion = systemVersion;
    }

    /** The reason the jar cannot be a Fulcrum plugin, or empty if it looks like one. */
    Optional<String> problemWith(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            if (manifest == null || attribute(manifest, "Plugin-Id") == null) {
                return Optional.of("not a plugin: META-INF/MANIFEST.MF has no Plugin-Id");
            }
            for (String required : new String[] {"Plugin-Version", "Plugin-Requires"}) {
                if (attribute(manifest, required) == null) {
                    return Optional.of("plugin manifest lacks " + required);
                }
            }
            String requires = attribute(manifest, "Plugin-Requires");
            if (!versions.checkVersionConstraint(systemVersion, requires)) {
                return Optional.of("requires Fulcrum " + requires + ", this is Fulcrum " + systemVersion);
            }
            var index = file.getEntry(EXTENSION_INDEX);
            if (index == null) {
                return Optional.of("no extension index (" + EXTENSION_INDEX + "); build the plugin with PF4J's annotation processor on the compile path");
            }
            if (index.getSize() == 0) {
                return Optional.of("its extension index lists no extensions");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("not a readable jar (corrupt or truncated): " + e.getMessage());
        } catch (RuntimeException e) {
            return Optional.of("invalid plugin manifest: " + e.getMessage());
        }
    }

    private static String attribute(Manifest manifest, String name) {
        String value = manifest.getMainAttributes().getValue(new Attributes.Name(name));
        return value == null || value.isBlank() ? null : value.trim();
    }
}
