package dev.fulcrum.core.host;

import org.pf4j.LegacyExtensionFinder;
import org.pf4j.PluginManager;

import java.util.Map;
import java.util.Set;

/**
 * Finds extensions through the {@code extensions.idx} of plugin jars only. PF4J would also take
 * extensions from the host's class path; Fulcrum does not, so a plugin's classes on a test class
 * path are not found twice, and no plugin class ever lives in the host.
 */
final class PluginOnlyExtensionFinder extends LegacyExtensionFinder {

    PluginOnlyExtensionFinder(PluginManager manager) {
        super(manager);
    }

    @Override
    public Map<String, Set<String>> readClasspathStorages() {
        return Map.of();
    }
}
