package dev.fulcrum.core.pipeline;

import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.mitigate.DecisionRule;
import dev.fulcrum.api.model.TrainableModel;
import dev.fulcrum.core.host.CatalogFactories;
import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.runtime.FulcrumModel;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A model saved by a Fulcrum run, restored inside the host: {@link FulcrumModel}'s loading with the
 * feature extractors and mitigators of the host's loaded plugins.
 */
public final class SavedModel {

    private final FulcrumModel model;

    private SavedModel(FulcrumModel model) {
        this.model = model;
    }

    /**
     * Loads a {@code model.zip} (or a run folder's). The plugins of its feature extractors must be loaded in the host.
     */
    public static SavedModel load(Path archive, FulcrumHost host) {
        return new SavedModel(FulcrumModel.load(archive, new CatalogFactories(host.catalog())));
    }

    /** The loaded model, to predict with. */
    public FulcrumModel model() {
        return model;
    }

    /** The columns and tasks of the data the model was trained on, before feature extraction. */
    public Schema inputSchema() {
        return model.inputSchema();
    }

    /** Applies the saved feature transforms to raw rows with the training data's columns. */
    public Dataset transform(Dataset raw) {
        return model.transform(raw);
    }

    /** The post-processing rule the model was saved with, if any. */
    public Optional<DecisionRule> decisionRule() {
        return model.decisionRule();
    }

    /** @see FulcrumModel#decide */
    public int[] decide(INDArray specificProbabilities, Map<String, String[]> sensitive) {
        return model.decide(specificProbabilities, sensitive);
    }

    /** Class probabilities per task for every row of raw data. */
    public Map<String, INDArray> probabilities(Dataset raw) {
        return model.probabilities(raw);
    }
}
