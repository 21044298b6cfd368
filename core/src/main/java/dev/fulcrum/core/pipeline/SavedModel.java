package dev.fulcrum.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.features.FeatureExtractor;
import dev.fulcrum.api.features.FeatureTransform;
import dev.fulcrum.api.mitigate.DecisionRule;
import dev.fulcrum.api.mitigate.Mitigator;
import dev.fulcrum.api.mitigate.PostProcessingMitigator;
import dev.fulcrum.api.model.TrainableModel;
import dev.fulcrum.core.config.PipelineConfig;
import dev.fulcrum.core.config.PipelineConfigReader;
import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.run.HostRunContext;
import dev.fulcrum.core.run.Json;
import dev.fulcrum.core.run.ModelArchive;
import dev.fulcrum.core.run.RunFolder;
import dev.fulcrum.core.run.SchemaJson;
import dev.fulcrum.core.train.Predictions;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A model saved by a Fulcrum run, ready to predict on new raw rows: the same feature transforms,
 * restored from their saved state through the plugins that made them, then the network, then the
 * post-processing decision rule where the run had one.
 */
public final class SavedModel {

    /** The resolved pipeline config inside {@code model.zip}. */
    static final String PIPELINE = "pipeline.yaml";
    /** Layer names and schemas inside {@code model.zip}. */
    static final String DESCRIPTION = "model.json";
    /** The post-processing mitigator's fitted rule inside {@code model.zip}, where the run had one. */
    static final String DECISION_RULE = "decision-rule.json";

    private final TrainableModel model;
    private final Schema inputSchema;
    private final List<FeatureTransform> transforms;
    private final DecisionRule decisionRule;

    private SavedModel(TrainableModel model, Schema inputSchema, List<FeatureTransform> transforms, DecisionRule decisionRule) {
        this.model = model;
        this.inputSchema = inputSchema;
        this.transforms = transforms;
        this.decisionRule = decisionRule;
    }

    /**
     * Loads a {@code model.zip}. The plugins of its feature extractors must be loaded in the host.
     */
    public static SavedModel load(Path archive, FulcrumHost host) {
        if (!Files.isRegularFile(archive)) {
            throw new InvalidInputException(archive + ": no such model file");
        }
        Path folder = archive.toAbsolutePath().getParent();
        JsonNode description;
        PipelineConfig config;
        try {
            description = Json.MAPPER.readTree(ModelArchive.readText(archive, DESCRIPTION));
            config = PipelineConfigReader.parse(ModelArchive.readText(archive, PIPELINE), archive + "!fulcrum/" + PIPELINE,
                    "model", folder);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new InvalidInputException(archive + ": not a model saved by Fulcrum: " + e.getMessage(), e);
        }
        HostRunContext context = new HostRunContext(config.seed(), RunFolder.at(folder));
        List<Resolved<FeatureExtractor>> extractors = new PipelineResolver(host.catalog()).features(config, context);
        List<Map<String, INDArray>> states = ModelArchive.readFeatureStates(archive, extractors.size());
        List<FeatureTransform> transforms = new ArrayList<>();
        for (int i = 0; i < extractors.size(); i++) {
            transforms.add(extractors.get(i).component().restore(states.get(i)));
        }
        ComputationGraph graph;
        try {
            graph = ModelSerializer.restoreComputationGraph(archive.toFile(), false);
        } catch (IOException e) {
            throw new InvalidInputException(archive + ": cannot read the network: " + e.getMessage(), e);
        }
        Map<String, List<String>> heads = new LinkedHashMap<>();
        description.get("heads").fields().forEachRemaining(head -> heads.put(head.getKey(), texts(head.getValue())));
        return new SavedModel(new TrainableModel(graph, texts(description.get("trunk")), heads),
                SchemaJson.read(description.get("input_schema")), transforms, decisionRule(archive, host, config, context));
    }

    /** Restores the saved decision rule through the plugin of the mitigator that fitted it. */
    private static DecisionRule decisionRule(Path archive, FulcrumHost host, PipelineConfig config, HostRunContext context) {
        var text = ModelArchive.readOptionalText(archive, DECISION_RULE);
        if (text.isEmpty()) {
            return null;
        }
        JsonNode saved;
        try {
            saved = Json.MAPPER.readTree(text.get());
        } catch (IOException e) {
            throw new InvalidInputException(archive + ": unreadable " + DECISION_RULE + ": " + e.getMessage(), e);
        }
        String component = saved.path("component").asText();
        Resolved<Mitigator> mitigator = new PipelineResolver(host.catalog()).mitigators(config, context).stream()
                .filter(m -> m.spec().path().toString().equals(component)).findFirst()
                .orElseThrow(() -> new InvalidInputException(archive + ": its decision rule comes from " + component
                        + ", which its pipeline does not have"));
        if (!(mitigator.component() instanceof PostProcessingMitigator postProcessing)) {
            throw new InvalidInputException(archive + ": " + mitigator.label() + " does not post-process decisions");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> state = Json.MAPPER.convertValue(saved.get("state"), Map.class);
        return postProcessing.restore(state);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** The columns and tasks of the data the model was trained on, before feature extraction. */
    public Schema inputSchema() {
        return inputSchema;
    }

    public TrainableModel model() {
        return model;
    }

    /** Applies the saved feature transforms to raw rows with the training data's columns. */
    public Dataset transform(Dataset raw) {
        List<String> expected = inputSchema.featureNames();
        if (!raw.schema().featureNames().equals(expected)) {
            throw new InvalidInputException("the rows have feature columns " + raw.schema().featureNames()
                    + ", but the model was trained on " + expected);
        }
        Dataset data = raw;
        for (FeatureTransform transform : transforms) {
            data = transform.apply(data);
        }
        return data;
    }

    /** The post-processing rule the model was saved with, if any. */
    public Optional<DecisionRule> decisionRule() {
        return Optional.ofNullable(decisionRule);
    }

    /**
     * The decided class of the specific task per row: what the saved decision rule makes of the
     * probabilities, or else the most probable class.
     *
     * @param sensitive the rows' sensitive attributes; must hold those the decision rule reads
     */
    public int[] decide(INDArray specificProbabilities, Map<String, String[]> sensitive) {
        if (decisionRule == null) {
            return Predictions.argmax(specificProbabilities);
        }
        for (String attribute : decisionRule.attributes()) {
            if (!sensitive.containsKey(attribute)) {
                throw new InvalidInputException("the model's decision rule needs the sensitive attribute \"" + attribute
                        + "\", which the rows do not have; they have " + sensitive.keySet());
            }
        }
        return decisionRule.decide(specificProbabilities, sensitive);
    }

    /** Class probabilities per task for every row of raw data. */
    public Map<String, INDArray> probabilities(Dataset raw) {
        Dataset data = transform(raw);
        int[] rows = new int[data.rows()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        return Predictions.probabilities(model, data, rows);
    }
}
