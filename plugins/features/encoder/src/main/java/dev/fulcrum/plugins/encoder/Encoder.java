package dev.fulcrum.plugins.encoder;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.features.FeatureExtractor;
import dev.fulcrum.api.features.FeatureTransform;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Encodes rows with the trunk of a saved network. Nothing is learnt from the training rows; the
 * state holds the network's parameters, so that a model trained on these features predicts with
 * exactly the encoder it was trained with, even if the file is later overwritten by another run
 * of the same architecture.
 */
final class Encoder implements FeatureExtractor {

    static final String PARAMETERS = "parameters";
    private static final int CHUNK = 2048;

    private final EncoderParams params;

    Encoder(EncoderParams params) {
        this.params = params;
    }

    @Override
    public FeatureTransform fit(Dataset training) {
        SavedNetwork network = SavedNetwork.load(params.model());
        return new Transform(network, layer(network), network.graph().params().dup());
    }

    @Override
    public FeatureTransform restore(Map<String, INDArray> state) {
        SavedNetwork network = SavedNetwork.load(params.model());
        INDArray saved = state.get(PARAMETERS);
        if (saved == null || saved.length() != network.graph().numParams()) {
            throw new InvalidInputException("encoder: " + params.model() + " no longer holds the network this model was trained "
                    + "with (" + (saved == null ? "no saved parameters" : saved.length() + " parameters saved, "
                    + network.graph().numParams() + " in the file") + ")");
        }
        network.graph().setParams(saved);
        return new Transform(network, layer(network), saved);
    }

    private String layer(SavedNetwork network) {
        String layer = params.layer() != null ? params.layer() : network.trunk().get(network.trunk().size() - 1);
        if (!network.trunk().contains(layer)) {
            throw new InvalidParamsException("layer", "\"" + layer + "\" is not a trunk layer of " + params.model()
                    + "; its trunk layers are " + network.trunk());
        }
        return layer;
    }

    private final class Transform implements FeatureTransform {

        private final SavedNetwork network;
        private final String layer;
        private final int layerIndex;
        private final INDArray parameters;

        Transform(SavedNetwork network, String layer, INDArray parameters) {
            this.network = network;
            this.layer = layer;
            this.layerIndex = network.graph().getVertex(layer).getVertexIndex();
            this.parameters = parameters;
        }

        @Override
        public Dataset apply(Dataset data) {
            List<String> columns = data.schema().featureNames();
            if (!columns.equals(network.inputColumns())) {
                throw new InvalidInputException("encoder: the network in " + params.model() + " takes the columns "
                        + abbreviated(network.inputColumns()) + " (after that run's own feature extractors), these rows have "
                        + abbreviated(columns) + "; put the same extractors before encoder");
            }
            List<INDArray> parts = new ArrayList<>();
            for (int start = 0; start < data.rows(); start += CHUNK) {
                INDArray chunk = data.features().get(NDArrayIndex.interval(start, Math.min(data.rows(), start + CHUNK)), NDArrayIndex.all());
                parts.add(network.graph().feedForward(chunk, layerIndex, false).get(layer));
            }
            INDArray encoded = parts.size() == 1 ? parts.get(0) : Nd4j.concat(0, parts.toArray(INDArray[]::new));
            Schema schema = data.schema().withFeatures(
                    Schema.numberedFeatures(params.prefix(), encoded.columns(), "encoder(" + layer + ")"), null);
            return data.withFeatures(encoded, schema);
        }

        @Override
        public Map<String, INDArray> state() {
            return Map.of(PARAMETERS, parameters);
        }
    }

    private static String abbreviated(List<String> names) {
        return names.size() <= 8 ? names.toString() : names.subList(0, 8) + " and " + (names.size() - 8) + " more";
    }
}
