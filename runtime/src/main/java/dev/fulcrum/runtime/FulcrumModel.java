package dev.fulcrum.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.data.Task;
import dev.fulcrum.api.features.FeatureExtractor;
import dev.fulcrum.api.features.FeatureTransform;
import dev.fulcrum.api.mitigate.DecisionRule;
import dev.fulcrum.api.mitigate.Mitigator;
import dev.fulcrum.api.mitigate.PostProcessingMitigator;
import dev.fulcrum.api.model.TrainableModel;
import dev.fulcrum.runtime.config.ConfigDocument;
import dev.fulcrum.runtime.config.ConfigPath;
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
 * A model saved by a Fulcrum run, ready to predict on new raw rows: the run's feature transforms,
 * restored from their saved state through the factories that made them, then the network, then the
 * post-processing decision rule where the run had one. Needs no host, plugin manager or launcher:
 * {@link #load(Path)} finds the transforms' factories in the plugin jars on the class path.
 *
 * <pre>{@code
 * FulcrumModel model = FulcrumModel.load(Path.of("runs/quickstart-20260101-120000"));
 * PredictionBatch predictions = model.predict(List.of(Map.of("x0", 0.3, "x1", -1.2, ...)));
 * String decided = predictions.task("specific").className(0);
 * }</pre>
 *
 * <p>A loaded model may be shared by threads: predicting reads it only.
 */
public final class FulcrumModel {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path archive;
    private final TrainableModel network;
    private final Schema inputSchema;
    /** The feature columns the network was trained on: the transforms' output, as the domain adapters left it. */
    private final List<String> networkFeatures;
    private final List<FeatureTransform> transforms;
    private final RowAdaptation adaptation;
    private final DecisionRule decisionRule;
    private final ConfigDocument pipeline;

    private FulcrumModel(Path archive, TrainableModel network, Schema inputSchema, List<String> networkFeatures,
                         List<FeatureTransform> transforms, RowAdaptation adaptation, DecisionRule decisionRule,
                         ConfigDocument pipeline) {
        this.archive = archive;
        this.pipeline = pipeline;
        this.network = network;
        this.inputSchema = inputSchema;
        this.networkFeatures = networkFeatures;
        this.transforms = transforms;
        this.adaptation = adaptation;
        this.decisionRule = decisionRule;
    }

    /**
     * Loads a run folder's {@code model.zip} (or the archive itself), making its transforms with the
     * plugin jars that the class loader of this class sees.
     */
    public static FulcrumModel load(Path modelZipOrRunFolder) {
        return load(modelZipOrRunFolder, ClassPathFactories.of(FulcrumModel.class.getClassLoader()));
    }

    /** Loads a saved model, making its transforms and decision rule with {@code factories}. */
    public static FulcrumModel load(Path modelZipOrRunFolder, FactoryLookup factories) {
        Path archive = archiveOf(modelZipOrRunFolder);
        // Truncated, bit-flipped or oversized archives stop here, before DL4J or ND4J read a byte of them.
        CheckedZip.check(archive, CheckedZip.Limits.MODEL);
        Path folder = archive.toAbsolutePath().getParent();
        JsonNode description;
        ConfigDocument pipeline;
        try {
            description = JSON.readTree(ModelZip.readText(archive, ModelZip.DESCRIPTION));
            pipeline = ConfigDocument.parse(ModelZip.readText(archive, ModelZip.PIPELINE), archive + "!fulcrum/" + ModelZip.PIPELINE);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new InvalidInputException(archive + ": not a model saved by Fulcrum: " + e.getMessage(), e);
        }
        SavedComponents components = new SavedComponents(factories, pipeline, folder);
        List<FeatureExtractor> extractors = components.featureExtractors();
        List<Map<String, INDArray>> states = ModelZip.readFeatureStates(archive, extractors.size());
        List<FeatureTransform> transforms = new ArrayList<>();
        for (int i = 0; i < extractors.size(); i++) {
            transforms.add(extractors.get(i).restore(states.get(i)));
        }
        ComputationGraph graph;
        try {
            graph = ModelSerializer.restoreComputationGraph(archive.toFile(), false);
        } catch (IOException | RuntimeException e) {
            // Entries whose CRC-32s are right can still hold what DL4J cannot read: it throws plain RuntimeExceptions.
            throw new InvalidInputException(archive + ": cannot read the network: " + e.getMessage(), e);
        }
        Map<String, List<String>> heads = new LinkedHashMap<>();
        TrainableModel network;
        Schema inputSchema;
        List<String> networkFeatures;
        try {
            description.get("heads").fields().forEachRemaining(head -> heads.put(head.getKey(), texts(head.getValue())));
            network = new TrainableModel(graph, texts(description.get("trunk")), heads);
            inputSchema = SchemaJson.read(description.get("input_schema"));
            networkFeatures = SchemaJson.read(description.get("schema")).featureNames();
        } catch (RuntimeException e) {
            throw new InvalidInputException(archive + ": not a model saved by Fulcrum: its " + ModelZip.DESCRIPTION
                    + " does not describe its network (" + e.getMessage() + ")", e);
        }
        return new FulcrumModel(archive, network, inputSchema, networkFeatures,
                transforms, RowAdaptation.read(archive, description, pipeline, components), decisionRule(archive, components, pipeline),
                pipeline);
    }

    /** A run folder's {@code model.zip}, or the given file; refused with the reason where neither is there. */
    private static Path archiveOf(Path given) {
        if (Files.isDirectory(given)) {
            Path inside = given.resolve(ModelZip.FILE);
            if (!Files.isRegularFile(inside)) {
                throw new InvalidInputException(given + ": not a run folder with a saved model (it has no " + ModelZip.FILE + ")");
            }
            return inside;
        }
        if (!Files.isRegularFile(given)) {
            throw new InvalidInputException(given + ": no such model file");
        }
        return given;
    }

    /** Restores the saved decision rule through the mitigator that fitted it. */
    private static DecisionRule decisionRule(Path archive, SavedComponents components, ConfigDocument pipeline) {
        Optional<String> text = ModelZip.readOptionalText(archive, ModelZip.DECISION_RULE);
        if (text.isEmpty()) {
            return null;
        }
        JsonNode saved;
        try {
            saved = JSON.readTree(text.get());
        } catch (IOException e) {
            throw new InvalidInputException(archive + ": unreadable " + ModelZip.DECISION_RULE + ": " + e.getMessage(), e);
        }
        String component = saved.path("component").asText();
        List<Mitigator> mitigators = components.mitigators();
        int index = -1;
        for (int i = 0; i < mitigators.size(); i++) {
            if (ConfigPath.ROOT.child("mitigate").child(i).toString().equals(component)) {
                index = i;
            }
        }
        if (index < 0) {
            throw new InvalidInputException(archive + ": its decision rule comes from " + component
                    + ", which its pipeline does not have");
        }
        if (!(mitigators.get(index) instanceof PostProcessingMitigator postProcessing)) {
            throw new InvalidInputException(archive + ": " + component + " (" + pipeline.root().path("mitigate").get(index)
                    .path("type").asText() + ") does not post-process decisions");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> state = JSON.convertValue(saved.get("state"), Map.class);
        return postProcessing.restore(state);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** The resolved pipeline config of the run, as saved with the model ({@code fulcrum/pipeline.yaml}). */
    public ConfigDocument savedPipeline() {
        return pipeline;
    }

    /** The {@code model.zip} this model was loaded from. */
    public Path archive() {
        return archive;
    }

    /** The columns and tasks of the data the model was trained on, before feature extraction. */
    public Schema inputSchema() {
        return inputSchema;
    }

    /** The network with its trunk and head layer names. */
    public TrainableModel network() {
        return network;
    }

    /** The post-processing rule the model was saved with, if any. */
    public Optional<DecisionRule> decisionRule() {
        return Optional.ofNullable(decisionRule);
    }

    /** The sensitive attributes the rows must carry for the decision rule; none without one. */
    public List<String> sensitiveAttributes() {
        return decisionRule == null ? List.of() : decisionRule.attributes();
    }

    /**
     * Predicts on rows by column name ({@link RowColumns#ofMaps} for a list of maps): the model's
     * feature columns, and optionally an {@code id}, a label column per task and the sensitive
     * attributes its decision rule reads. Any other column, a missing one, or a category never seen
     * in training is an {@link InvalidInputException} naming the column.
     */
    public PredictionBatch predict(RowColumns rows) {
        return predictRaw(rawRows(rows));
    }

    /** Rows by column name as raw rows of the model's input schema, checked as {@link #predict(RowColumns)} says. */
    public Dataset rawRows(RowColumns rows) {
        return RawRows.fromColumns(inputSchema, rows, sensitiveAttributes());
    }

    /** Predicts on rows given as maps from column name to value, as {@link #predict(RowColumns)}. */
    public PredictionBatch predict(List<? extends Map<String, ?>> rows) {
        return predict(RowColumns.ofMaps(rows));
    }

    /**
     * Predicts on rows of raw feature values in the order of {@link #inputSchema()}'s features: for an
     * image model, one flattened image per row (channel, then row, then column), as the run read them.
     * A model with a decision rule needs its sensitive attributes: use {@link #predict(RowColumns)}.
     */
    public PredictionBatch predict(float[][] rows) {
        return predictRaw(RawRows.fromValues(inputSchema, rows));
    }

    /**
     * Predicts on the rows of a dataset (one a data source loaded, say) whose feature columns are the
     * model's; categories are matched by name, labels are ignored.
     */
    public PredictionBatch predict(Dataset rows) {
        return predictRaw(inRawSchema(rows));
    }

    /** Rows of a dataset made to the model's input schema: its columns checked, categories and classes matched by name. */
    public Dataset inRawSchema(Dataset rows) {
        return RawRows.fromDataset(inputSchema, rows, sensitiveAttributes());
    }

    /** Predicts on rows already in the model's input schema (from {@link #inRawSchema}, say). */
    private PredictionBatch predictRaw(Dataset raw) {
        Map<String, INDArray> probabilities = probabilities(raw);
        Map<String, TaskPredictions> byTask = new LinkedHashMap<>();
        for (Map.Entry<String, INDArray> task : probabilities.entrySet()) {
            // A post-processing mitigator fits its rule on the specific task's validation predictions.
            int[] decided = task.getKey().equals(Tasks.SPECIFIC) ? decide(task.getValue(), raw.sensitive())
                    : Predictions.argmax(task.getValue());
            byTask.put(task.getKey(), new TaskPredictions(task.getKey(), classes(task.getKey()), decided, task.getValue()));
        }
        return new PredictionBatch(byTask, raw.rows());
    }

    private List<String> classes(String task) {
        return inputSchema.task(task).map(Task::classes).orElseThrow(() -> new IllegalStateException(
                archive + ": the network predicts task " + task + ", which its input schema does not have"));
    }

    /**
     * Applies the saved feature transforms, then the saved domain adaptation (each row by its
     * domain), to raw rows with the training data's columns.
     */
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
        data = adaptation.apply(data);
        List<String> given = data.schema().featureNames();
        if (!given.equals(networkFeatures)) {
            throw new InvalidInputException(archive + ": its network takes the " + networkFeatures.size() + " feature columns "
                    + RawRows.summary(networkFeatures) + ", but its saved feature transforms and domain adaptation give "
                    + given.size() + " " + RawRows.summary(given));
        }
        return data;
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
        return Predictions.probabilities(network, data, rows);
    }
}
