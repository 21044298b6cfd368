package dev.fulcrum.core.host;

import dev.fulcrum.api.ComponentFactory;
import dev.fulcrum.api.adapt.DomainAdapterFactory;
import dev.fulcrum.api.audit.BiasAuditorFactory;
import dev.fulcrum.api.augment.AugmenterFactory;
import dev.fulcrum.api.data.DataSourceFactory;
import dev.fulcrum.api.features.FeatureExtractorFactory;
import dev.fulcrum.api.mitigate.MitigatorFactory;
import dev.fulcrum.api.model.ModelArchitectureFactory;
import dev.fulcrum.api.report.ReporterFactory;
import dev.fulcrum.api.train.TrainingStrategyFactory;
import dev.fulcrum.api.tune.PrunerFactory;
import dev.fulcrum.api.tune.SamplerFactory;

/** The extension-point families, with the name each has in YAML and in messages. */
public enum Family {
    DATA("data", "data source", DataSourceFactory.class),
    FEATURES("features", "feature extractor", FeatureExtractorFactory.class),
    ADAPT("adapt", "domain adapter", DomainAdapterFactory.class),
    MITIGATE("mitigate", "bias mitigator", MitigatorFactory.class),
    AUGMENT("augment", "augmenter", AugmenterFactory.class),
    MODEL("model", "model architecture", ModelArchitectureFactory.class),
    STRATEGY("strategy", "training strategy", TrainingStrategyFactory.class),
    AUDIT("audit", "bias auditor", BiasAuditorFactory.class),
    REPORT("report", "reporter", ReporterFactory.class),
    SAMPLER("sampler", "sampler", SamplerFactory.class),
    PRUNER("pruner", "pruner", PrunerFactory.class);

    private final String key;
    private final String noun;
    private final Class<? extends ComponentFactory> factoryType;

    Family(String key, String noun, Class<? extends ComponentFactory> factoryType) {
        this.key = key;
        this.noun = noun;
        this.factoryType = factoryType;
    }

    /** The family's name in the pipeline YAML and in {@code fulcrum plugins}. */
    public String key() {
        return key;
    }

    /** What one member is called in messages, e.g. "model architecture". */
    public String noun() {
        return noun;
    }

    @SuppressWarnings("rawtypes")
    public Class<? extends ComponentFactory> factoryType() {
        return factoryType;
    }
}
