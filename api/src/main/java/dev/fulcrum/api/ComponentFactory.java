package dev.fulcrum.api;

import org.pf4j.ExtensionPoint;

/**
 * A named factory: the common shape of every extension point. One factory type can appear several
 * times in a pipeline, each time with its own params.
 *
 * <p>The params type is a Java record. The host binds it from the pipeline YAML, with component
 * names in kebab-case ({@code perClass} is written {@code per-class}). A component the YAML leaves
 * out arrives as {@code null}; the record's compact constructor fills in the default, so binding an
 * empty mapping gives the defaults that {@code fulcrum describe} shows. Validate in the compact
 * constructor or in {@link #create} and throw {@link InvalidParamsException} naming the field.
 *
 * @param <P> the params record
 * @param <T> what the factory makes
 */
@Stable
public interface ComponentFactory<P extends Record, T> extends ExtensionPoint {

    /** The name used as {@code type:} in the pipeline YAML, unique within its family. */
    String type();

    /** One sentence for {@code fulcrum plugins} and {@code fulcrum describe}. */
    String description();

    Class<P> paramsType();

    /** Makes the component. Called once per pipeline run, and also by {@code fulcrum validate}. */
    T create(P params, RunContext context);
}
