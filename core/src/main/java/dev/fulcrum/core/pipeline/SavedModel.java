package dev.fulcrum.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.features.FeatureExtractor;
import dev.fulcrum.api.features.FeatureTransform;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model saved by a Fulcrum run, ready to predict on new raw rows: the same feature transforms,
 * restored from their saved state through the plugins that made them, then the network.
 */
public final class SavedModel {

    /** The resolved pipeline config inside {@code model.zip}. */
    static final String PIPELINE = "pipeline.yaml";
    /** Layer names and schemas inside {@code model.zip}. */
    static final String DESCRIPTION = "model.json";

    private final TrainableModel model;
    private final Schema inputSchema;
    private final List<FeatureTransform> transforms;

    private SavedModel(TrainableModel model, Schema inputSchema, List<FeatureTransform> transforms) {
        this.model = model;
        this.inputSchema = inputSchema;
        this.transforms = transforms;
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
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidInputException(archive + ": not a model saved by Fulcrum: " + e.getMessage(), e);
        }
        List<Resolved<FeatureExtractor>> extractors = new PipelineResolver(host.catalog())
                .features(config, new HostRunContext(config.seed(), RunFolder.at(folder)));
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
                SchemaJson.read(description.get("input_schema")), transforms);
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
