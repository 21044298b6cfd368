package dev.fulcrum.core.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.api.adapt.DomainAdapter;
import dev.fulcrum.api.audit.BiasAuditor;
import dev.fulcrum.api.augment.Augmenter;
import dev.fulcrum.api.data.DataSource;
import dev.fulcrum.api.features.FeatureExtractor;
import dev.fulcrum.api.mitigate.Mitigator;
import dev.fulcrum.api.mitigate.PostProcessingMitigator;
import dev.fulcrum.api.mitigate.PreTrainingMitigator;
import dev.fulcrum.api.model.ModelArchitecture;
import dev.fulcrum.api.report.Reporter;
import dev.fulcrum.api.train.TrainingStrategy;
import dev.fulcrum.core.config.BudgetConfig;
import dev.fulcrum.core.config.CheckpointConfig;
import dev.fulcrum.core.config.EnsembleConfig;
import dev.fulcrum.core.config.PipelineConfig;
import dev.fulcrum.core.config.SplitConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A pipeline whose every component was made and whose params were checked: ready to run.
 *
 * @param ensemble       the output ensemble's settings, or empty for a single model
 * @param budget         what training may spend, or empty where unlimited
 * @param checkpoint     how training checkpoints ({@link CheckpointConfig#DEFAULT} without {@code checkpoint:})
 * @param feedback       the corrections files of {@code feedback:}, in the order they are applied
 * @param resolvedConfig the config with every default filled in, as written to {@code config.yaml}
 */
public record ResolvedPipeline(PipelineConfig config, SplitConfig split, Resolved<DataSource> specific,
                               Optional<Resolved<DataSource>> general, List<Resolved<FeatureExtractor>> features,
                               List<Resolved<DomainAdapter>> adapt, List<Resolved<Mitigator>> mitigate,
                               List<Resolved<Augmenter>> augment,
                               Resolved<ModelArchitecture> model, Resolved<TrainingStrategy> strategy,
                               Optional<EnsembleConfig> ensemble, Optional<BudgetConfig> budget,
                               CheckpointConfig checkpoint, List<Resolved<BiasAuditor>> audit,
                               List<Resolved<Reporter>> report, List<ResolvedFeedback> feedback, ObjectNode resolvedConfig) {

    public String name() {
        return config.name();
    }

    public long seed() {
        return config.seed();
    }

    /** Every component, in pipeline order. */
    public List<Resolved<?>> components() {
        List<Resolved<?>> all = new ArrayList<>();
        all.add(specific);
        general.ifPresent(all::add);
        feedback.forEach(entry -> entry.pool().ifPresent(all::add));
        all.addAll(features);
        all.addAll(adapt);
        all.addAll(mitigate);
        all.addAll(augment);
        all.add(model);
        all.add(strategy);
        all.addAll(audit);
        all.addAll(report);
        return all;
    }

    /** The mitigators that reweigh training rows, in pipeline order. */
    @SuppressWarnings("unchecked")
    public List<Resolved<PreTrainingMitigator>> preTraining() {
        return mitigate.stream().filter(m -> m.component() instanceof PreTrainingMitigator)
                .map(m -> (Resolved<PreTrainingMitigator>) (Resolved<?>) m).toList();
    }

    /** The mitigator that turns the model's scores into decisions, if any (a pipeline has at most one). */
    @SuppressWarnings("unchecked")
    public Optional<Resolved<PostProcessingMitigator>> postProcessing() {
        return mitigate.stream().filter(m -> m.component() instanceof PostProcessingMitigator)
                .map(m -> (Resolved<PostProcessingMitigator>) (Resolved<?>) m).findFirst();
    }

    /** Ids of the plugins whose factories this pipeline uses. */
    public List<String> pluginIds() {
        TreeSet<String> ids = new TreeSet<>();
        components().forEach(c -> ids.add(c.factory().pluginId()));
        return List.copyOf(ids);
    }
}
