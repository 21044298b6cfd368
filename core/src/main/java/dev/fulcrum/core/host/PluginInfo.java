package dev.fulcrum.core.host;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A loaded plugin, for {@code fulcrum plugins} and provenance.
 *
 * @param types the factory types it provides, by family
 */
public record PluginInfo(String id, String version, String provider, String description, String requires,
                         Path jar, String sha256, Map<Family, List<String>> types) {
}
