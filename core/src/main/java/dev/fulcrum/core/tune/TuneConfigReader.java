package dev.fulcrum.core.tune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.api.tune.Direction;
import dev.fulcrum.api.tune.Objective;
import dev.fulcrum.api.tune.Parameter;
import dev.fulcrum.api.tune.SearchSpace;
import dev.fulcrum.core.config.BudgetConfig;
import dev.fulcrum.core.config.ComponentSpec;
import dev.fulcrum.core.config.PipelineConfig;
import dev.fulcrum.core.config.PipelineConfigReader;
import dev.fulcrum.core.host.Family;
import dev.fulcrum.runtime.config.ConfigDocument;
import dev.fulcrum.runtime.config.ConfigPath;
import dev.fulcrum.runtime.config.ParamsBinder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a pipeline's {@code tune:} section: its form, every fault at its file, line and path.
 * Whether the parameters' paths and values suit the pipeline is {@link StudyValidator}'s to check.
 */
public final class TuneConfigReader {

    static final ConfigPath TUNE = ConfigPath.ROOT.child(PipelineConfigReader.TUNE);
    static final int DEFAULT_TRIALS = 20;
    static final int DEFAULT_MAX_FAILED = 5;
    /** The sampler while none is named, as Optuna's default. */
    static final String DEFAULT_SAMPLER = "tpe";
    static final String DEFAULT_PRUNER = "none";
    private static final Set<String> SPLITS = Set.of("validation", "test", "train");

    private TuneConfigReader() {
    }

    public static TuneConfig read(PipelineConfig pipeline) {
        ConfigDocument document = pipeline.document();
        JsonNode node = document.at(TUNE);
        if (node.isMissingNode() || node.isNull()) {
            throw document.error(ConfigPath.ROOT, "no tune section: fulcrum tune needs tune.objectives and tune.parameters");
        }
        if (!node.isObject()) {
            throw document.error(TUNE, "expected a mapping with objectives and parameters");
        }
        TuneSection section = new ParamsBinder(pipeline.folder()).bind(node, TuneSection.class, TUNE, document);
        boolean allowTest = Boolean.TRUE.equals(section.allowTest());
        List<Objective> objectives = objectives(section, document, allowTest);
        if (section.parameters() == null || section.parameters().isEmpty()) {
            throw document.error(TUNE.child("parameters"), "missing: name the config paths to tune, e.g. strategy.learning-rate: {float: [0.0001, 0.01], log: true}");
        }
        ConfigPath parametersAt = TUNE.child("parameters");
        List<Parameter> parameters = new ParameterReader(document).read(section.parameters(), parametersAt);
        Map<String, ConfigPath> declared = new LinkedHashMap<>();
        parameters.forEach(p -> declared.put(p.path(), parametersAt.child(p.path())));
        int trials = section.trials() == null ? DEFAULT_TRIALS : section.trials();
        long seed = section.seed() == null ? pipeline.seed() : section.seed();
        return new TuneConfig(name(section, pipeline, document), seed, objectives, new SearchSpace(parameters), declared,
                component(document, Family.SAMPLER, section.sampler(), DEFAULT_SAMPLER),
                component(document, Family.PRUNER, section.pruner(), DEFAULT_PRUNER),
                trials, timeout(section, document), budget(section, pipeline, document), processes(section.parallel(), document),
                section.maxFailed() == null ? DEFAULT_MAX_FAILED : section.maxFailed(), keepModels(section, document),
                section.select() == null ? null : SelectRule.read(document, TUNE.child("select")),
                cluster(section.parallel(), document), storage(section, document));
    }

    private static String name(TuneSection section, PipelineConfig pipeline, ConfigDocument document) {
        if (section.name() == null) {
            return pipeline.name();
        }
        if (!section.name().matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw document.error(TUNE.child("name"), "use letters, digits, '.', '_' and '-' only (it names the study folder), got \""
                    + section.name() + "\"");
        }
        return section.name();
    }

    private static List<Objective> objectives(TuneSection section, ConfigDocument document, boolean allowTest) {
        ConfigPath at = TUNE.child("objectives");
        if (section.objectives() == null || section.objectives().isEmpty()) {
            throw document.error(at, "missing: name at least one, e.g. [{metric: validation.specific.accuracy, direction: max}]");
        }
        List<Objective> objectives = new ArrayList<>();
        for (int i = 0; i < section.objectives().size(); i++) {
            TuneSection.ObjectiveSection objective = section.objectives().get(i);
            ConfigPath path = at.child(i);
            if (objective == null || objective.metric() == null) {
                throw document.error(path.child("metric"), "missing: a metric path such as validation.specific.accuracy");
            }
            String[] parts = objective.metric().split("\\.", -1);
            if (parts.length != 3 || !SPLITS.contains(parts[0]) || parts[1].isEmpty() || parts[2].isEmpty()) {
                throw document.error(path.child("metric"), "expected <split>.<task>.<metric> of summary.json's metrics, "
                        + "e.g. validation.specific.accuracy, got \"" + objective.metric() + "\"");
            }
            if (parts[0].equals("test") && !allowTest) {
                throw document.error(path.child("metric"), "an objective on the test split tunes to the test rows, which then "
                        + "no longer measure the result; use validation." + parts[1] + "." + parts[2]
                        + ", or say tune.allow-test: true");
            }
            if (objectives.stream().anyMatch(o -> o.metric().equals(objective.metric()))) {
                throw document.error(path.child("metric"), objective.metric() + " is an objective already");
            }
            objectives.add(new Objective(objective.metric(), direction(objective.direction(), path.child("direction"), document)));
        }
        return objectives;
    }

    private static Direction direction(String text, ConfigPath path, ConfigDocument document) {
        for (Direction direction : Direction.values()) {
            if (direction.word().equals(text)) {
                return direction;
            }
        }
        throw document.error(path, (text == null ? "missing" : "got \"" + text + "\"") + ": expected max or min");
    }

    private static ComponentSpec component(ConfigDocument document, Family family, ObjectNode node, String fallback) {
        ConfigPath path = TUNE.child(family.key());
        if (node == null) {
            return new ComponentSpec(family, path, fallback, JsonNodeFactory.instance.objectNode());
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual()) {
            throw document.error(path.child("type"), "missing: every " + family.noun() + " names its type");
        }
        ObjectNode params = node.deepCopy();
        params.remove("type");
        return new ComponentSpec(family, path, type.asText(), params);
    }

    private static BudgetConfig budget(TuneSection section, PipelineConfig pipeline, ConfigDocument document) {
        if (section.budget() == null || section.budget().isNull()) {
            return null;
        }
        return new ParamsBinder(pipeline.folder()).bind(section.budget(), BudgetConfig.class, TUNE.child("budget"), document);
    }

    private static Duration timeout(TuneSection section, ConfigDocument document) {
        if (section.timeout() == null) {
            return null;
        }
        try {
            return Durations.parse(section.timeout());
        } catch (IllegalArgumentException e) {
            throw document.error(TUNE.child("timeout"), e.getMessage());
        }
    }

    /** {@code tune.parallel} as a count of worker processes; 1 where it names an engine, whose driver is this process. */
    private static int processes(JsonNode parallel, ConfigDocument document) {
        if (parallel == null || parallel.isNull() || parallel.isObject()) {
            return 1;
        }
        if (!parallel.canConvertToInt() || !parallel.isIntegralNumber() || parallel.intValue() < 1) {
            throw document.error(TUNE.child("parallel"), "expected a count of worker processes, at least 1, or "
                    + "{type: spark, master: ...}; got " + parallel);
        }
        return parallel.intValue();
    }

    /** {@code tune.parallel} as an engine's settings, or {@code null} for worker processes. */
    private static ClusterSpec cluster(JsonNode parallel, ConfigDocument document) {
        if (parallel == null || !parallel.isObject()) {
            return null;
        }
        ConfigPath at = TUNE.child("parallel");
        JsonNode type = parallel.get("type");
        if (type == null || !type.isTextual()) {
            throw document.error(at.child("type"), "missing: name the engine that runs the trials, e.g. {type: spark, master: \"local[2]\"}");
        }
        ObjectNode settings = parallel.deepCopy();
        settings.remove("type");
        return new ClusterSpec(type.asText(), settings, at, document);
    }

    private static PostgresUrl storage(TuneSection section, ConfigDocument document) {
        if (section.storage() == null) {
            return null;
        }
        try {
            PostgresUrl url = PostgresUrl.parse(section.storage());
            if (url.study() != null) {
                throw new IllegalArgumentException("names the database only; the study in it is tune.name (or the "
                        + "pipeline's name), got \"?study=" + url.study() + "\"");
            }
            return url;
        } catch (IllegalArgumentException e) {
            throw document.error(TUNE.child("storage"), e.getMessage());
        }
    }

    private static KeepModels keepModels(TuneSection section, ConfigDocument document) {
        if (section.keepModels() == null) {
            return KeepModels.FRONT;
        }
        for (KeepModels keep : KeepModels.values()) {
            if (keep.name().toLowerCase(Locale.ROOT).equals(section.keepModels())) {
                return keep;
            }
        }
        throw document.error(TUNE.child("keep-models"), "expected front or all, got \"" + section.keepModels() + "\"");
    }
}
