package dev.fulcrum.core.host;

import dev.fulcrum.api.ComponentFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every factory the loaded plugins provide, by family and type. */
public final class FactoryCatalog {

    /**
     * A factory and the plugin that provides it.
     *
     * @param jar the file name of the plugin's jar, for messages
     */
    public record Entry(Family family, ComponentFactory<?, ?> factory, String pluginId, String jar) {
        public String type() {
            return factory.type();
        }
    }

    private final Map<Family, List<Entry>> byFamily = new EnumMap<>(Family.class);

    FactoryCatalog(List<Entry> entries) {
        for (Family family : Family.values()) {
            byFamily.put(family, new ArrayList<>());
        }
        entries.stream().sorted(Comparator.comparing(Entry::type)).forEach(e -> byFamily.get(e.family()).add(e));
    }

    public List<Entry> entries(Family family) {
        return List.copyOf(byFamily.get(family));
    }

    public List<String> types(Family family) {
        return byFamily.get(family).stream().map(Entry::type).toList();
    }

    public Optional<Entry> find(Family family, String type) {
        return byFamily.get(family).stream().filter(e -> e.type().equals(type)).findFirst();
    }

    /** The message for a type no plugin provides in {@code family}: the known types listed. */
    public String unknownType(Family family, String type) {
        List<String> known = types(family);
        return "unknown " + family.noun() + " \"" + type + "\"; known: "
                + (known.isEmpty() ? "none (no plugin provides one)" : String.join(", ", known));
    }

    /** Entries of a type in any family (a name may be used by several families). */
    public List<Entry> findAnyFamily(String type) {
        return byFamily.values().stream().flatMap(List::stream).filter(e -> e.type().equals(type)).toList();
    }
}
