package dev.fulcrum.runtime;

import dev.fulcrum.api.ComponentFactory;

import java.util.Optional;

/**
 * Where a saved model's feature extractors and mitigators come from: the host's plugin catalog
 * ({@code fulcrum predict}, {@code fulcrum audit --model}), or the plugin jars on a service's class
 * path ({@link ClassPathFactories}).
 */
public interface FactoryLookup {

    /**
     * @param family the family's factory interface, {@code FeatureExtractorFactory} or {@code MitigatorFactory}
     * @return the factory of that family whose {@link ComponentFactory#type()} is {@code type}
     */
    Optional<ComponentFactory<?, ?>> find(Class<?> family, String type);

    /** Why no factory of {@code type} was found, and what to do about it. */
    String unknownType(Class<?> family, String type);
}
