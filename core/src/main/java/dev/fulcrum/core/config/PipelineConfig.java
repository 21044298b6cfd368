package dev.fulcrum.core.config;

import dev.fulcrum.runtime.config.ConfigDocument;
import java.nio.file.Path;
import java.util.List;

/**
 * A pipeline config after its structure was checked, before any plugin was asked about it.
 *
 * @param general  {@code null} when the pipeline has no general data
 * @param ensemble {@code null} unless the pipeline trains an output ensemble ({@code ensemble:})
 * @param budget   {@code null} unless the pipeline limits what training may spend ({@code budget:})
 * @param checkpoint {@code null} unless the pipeline sets how training checkpoints ({@code checkpoint:})
 * @param feedback the corrections files of {@code feedback:}, in the order they are applied; empty without the section
 * @param folder   the folder of the config file; relative paths in params resolve against it
 */
public record PipelineConfig(String name, long seed, ComponentSpec specific, ComponentSpec general, ComponentSpec split,
                             List<ComponentSpec> features, List<ComponentSpec> adapt, List<ComponentSpec> mitigate,
                             List<ComponentSpec> augment,
                             ComponentSpec model, ComponentSpec strategy, ComponentSpec ensemble, ComponentSpec budget,
                             ComponentSpec checkpoint,
                             List<ComponentSpec> audit, List<ComponentSpec> report, List<FeedbackSpec> feedback, Path folder,
                             ConfigDocument document) {
}
