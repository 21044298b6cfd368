package dev.fulcrum.core.host;

import dev.fulcrum.api.ComponentFactory;
import dev.fulcrum.runtime.FactoryLookup;

import java.util.Arrays;
import java.util.Optional;

/** The factories of the host's loaded plugins, for restoring a saved model inside the host. */
public final class CatalogFactories implements FactoryLookup {

    private final FactoryCatalog catalog;

    public CatalogFactories(FactoryCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Optional<ComponentFactory<?, ?>> find(Class<?> family, String type) {
        return catalog.find(family(family), type).map(FactoryCatalog.Entry::factory);
    }

    @Override
    public String unknownType(Class<?> family, String type) {
        return catalog.unknownType(family(family), type);
    }

    private static Family family(Class<?> factoryType) {
        return Arrays.stream(Family.values()).filter(f -> f.factoryType() == factoryType).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no family of " + factoryType.getName()));
    }
}
