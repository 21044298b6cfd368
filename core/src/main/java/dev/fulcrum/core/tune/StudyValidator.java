package dev.fulcrum.core.tune;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.tune.ChoiceParameter;
import dev.fulcrum.api.tune.FixedParameter;
import dev.fulcrum.api.tune.FloatParameter;
import dev.fulcrum.api.tune.IntParameter;
import dev.fulcrum.api.tune.Parameter;
import dev.fulcrum.api.tune.Pruner;
import dev.fulcrum.api.tune.Sampler;
import dev.fulcrum.api.tune.SearchSpace;
import dev.fulcrum.core.config.PipelineConfig;
import dev.fulcrum.core.config.PipelineConfigReader;
import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.pipeline.PipelineLauncher;
import dev.fulcrum.core.pipeline.PipelineResolver;
import dev.fulcrum.core.pipeline.Resolved;
import dev.fulcrum.core.pipeline.ResolvedPipeline;
import dev.fulcrum.core.run.HostRunContext;
import dev.fulcrum.core.run.RunFolder;
import dev.fulcrum.runtime.config.ConfigDocument;
import dev.fulcrum.runtime.config.ConfigPath;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a study against its pipeline and the plugins before trial 0, so that no fault waits for a
 * trial to find it: the pipeline is resolved with each value a parameter may take (each choice, each
 * end of a range) set at its path, with its conditions' values too, so the plugins' params refuse
 * an unknown path or a bad value with the usual message, located at the value in {@code tune:}:
 * {@code p.yaml:14: tune.parameters.strategy.learning-rate.float[0]: strategy.learning-rate: must be positive}.
 * The sampler is asked for one suggestion, so that its own checks (a grid needs steps) speak now.
 */
public final class StudyValidator {

    private final FulcrumHost host;
    private final PipelineLauncher launcher;

    public StudyValidator(FulcrumHost host, PipelineLauncher launcher) {
        this.host = host;
        this.launcher = launcher;
    }

    /**
     * Checks everything, then plans the study with trial 0's values.
     *
     * @param studyFolder the study's folder, which the sampler and pruner see as their run folder
     */
    public StudyPlan validate(PipelineConfig pipeline, TuneConfig tune, Path studyFolder) {
        StudyPlan plan = plan(pipeline, tune, studyFolder);
        ResolvedPipeline base = launcher.validate(pipeline);
        for (Parameter parameter : tune.space().parameters()) {
            for (Map.Entry<ConfigPath, Object> candidate : candidates(parameter, tune.declared().get(parameter.path())).entrySet()) {
                Map<String, Object> values = new LinkedHashMap<>(conditions(parameter, tune.space()));
                values.put(parameter.path(), candidate.getValue());
                launcher.validate(withValues(pipeline, values, where(pipeline.document(), candidate.getKey())));
            }
        }
        askSampler(pipeline, tune, plan.sampler());
        return new StudyPlan(pipeline, tune, plan.sampler(), plan.pruner(), trialZero(tune.space(), base));
    }

    /**
     * Makes the study's sampler and pruner only: what a worker process needs of a study that the
     * launcher checked ({@link #validate}); without trial 0's values, which the launcher queued.
     */
    public StudyPlan plan(PipelineConfig pipeline, TuneConfig tune, Path studyFolder) {
        HostRunContext context = new HostRunContext(tune.seed(), RunFolder.at(studyFolder));
        PipelineResolver resolver = new PipelineResolver(host.catalog());
        Resolved<Sampler> sampler = resolver.component(tune.sampler(), pipeline, context);
        Resolved<Pruner> pruner = resolver.component(tune.pruner(), pipeline, context);
        return new StudyPlan(pipeline, tune, sampler, pruner, Map.of());
    }

    /** The pipeline with {@code values} set at their paths, each fault there located at {@code origin}. */
    static PipelineConfig withValues(PipelineConfig pipeline, Map<String, Object> values, String origin) {
        return PipelineConfigReader.changed(pipeline, document -> values.forEach((path, value) ->
                document.set(ConfigPath.parse(path), TrialValues.node(value), origin)));
    }

    private static String where(ConfigDocument document, ConfigPath path) {
        return document.where(path) + ": " + path;
    }

    /** Each value to try, by where it is written: the ends of a range, every choice, the fixed value. */
    private static Map<ConfigPath, Object> candidates(Parameter parameter, ConfigPath declared) {
        Map<ConfigPath, Object> candidates = new LinkedHashMap<>();
        if (parameter instanceof FloatParameter range) {
            candidates.put(declared.child("float").child(0), range.low());
            candidates.put(declared.child("float").child(1), range.step() == null ? range.high() : last(range.gridValues()));
        } else if (parameter instanceof IntParameter range) {
            candidates.put(declared.child("int").child(0), range.low());
            candidates.put(declared.child("int").child(1), last(range.gridValues()));
        } else if (parameter instanceof ChoiceParameter choice) {
            for (int i = 0; i < choice.values().size(); i++) {
                candidates.put(declared.child("choice").child(i), choice.values().get(i));
            }
        } else {
            candidates.put(declared.child("fixed"), ((FixedParameter) parameter).value());
        }
        return candidates;
    }

    private static <T> T last(List<T> values) {
        return values.get(values.size() - 1);
    }

    /** Values that make {@code parameter} active: the first accepted value of each condition, and of theirs. */
    private static Map<String, Object> conditions(Parameter parameter, SearchSpace space) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, List<Object>> condition : parameter.when().entrySet()) {
            Parameter named = space.parameters().stream().filter(p -> p.path().equals(condition.getKey())).findFirst().orElseThrow();
            values.putAll(conditions(named, space));
            values.put(named.path(), condition.getValue().get(0));
        }
        return values;
    }

    private static void askSampler(PipelineConfig pipeline, TuneConfig tune, Resolved<Sampler> sampler) {
        Map<String, Object> values;
        try {
            values = sampler.component().suggest(tune.space(), tune.objectives(), List.of(), TrialSeeds.of(tune.seed(), 1));
        } catch (InvalidInputException | IllegalArgumentException | IllegalStateException e) {
            throw pipeline.document().error(tune.sampler().path(), sampler.spec().type() + ": " + e.getMessage());
        }
        if (!tune.space().admits(values)) {
            throw new IllegalStateException("sampler " + sampler.label() + " of plugin " + sampler.factory().pluginId()
                    + " suggested values outside the space: " + values);
        }
    }

    /**
     * The pipeline's own value at each active parameter's path, as resolved (defaults filled in). A
     * path where the pipeline's value is not one the parameter may take is left out: trial 0 then
     * runs what the file says there, and its provenance names the path.
     */
    private static Map<String, Object> trialZero(SearchSpace space, ResolvedPipeline base) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Parameter parameter : space.parameters()) {
            if (!SearchSpace.active(parameter, values)) {
                continue;
            }
            JsonNode node = base.resolvedConfig().at(ConfigPath.parse(parameter.path()).pointer());
            Object value = TrialValues.value(node);
            if (value != null && parameter.contains(value)) {
                values.put(parameter.path(), value);
            }
        }
        return values;
    }
}
