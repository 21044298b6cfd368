package dev.fulcrum.core.train;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.augment.Batch;
import dev.fulcrum.api.model.TrainableModel;
import dev.fulcrum.api.train.DomainAdversary;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A copy of a model with a domain classifier attached to its last trunk layer through a gradient
 * reversal layer, for one domain-adversarial phase: the host trains the copy, and copies the
 * trained parameters of the original's layers back into the original after every epoch.
 */
final class AdversarialModel {

    static final String REVERSAL = "domain-reversal";
    private static final int CHUNK = 2048;

    private final TrainableModel original;
    private final TrainableModel extended;
    private final GradientReversalVertex reversal;

    private AdversarialModel(TrainableModel original, TrainableModel extended) {
        this.original = original;
        this.extended = extended;
        this.reversal = (GradientReversalVertex) extended.graph().getVertex(REVERSAL);
    }

    /**
     * @param domains the number of domains the classifier tells apart
     * @param batches the phase's mini-batches in all, over which the reversal's schedule runs from 0 to 1
     */
    static AdversarialModel attach(TrainableModel model, int domains, DomainAdversary adversary, long batches) {
        List<String> trunk = model.trunkLayers();
        if (trunk.isEmpty()) {
            throw new InvalidInputException("domain-adversarial training needs a model with a trunk to align; "
                    + "this model has none (use, e.g., mlp)");
        }
        if (model.headLayers().containsKey(DomainAdversary.OUTPUT)) {
            throw new InvalidInputException("domain-adversarial training names its domain classifier \""
                    + DomainAdversary.OUTPUT + "\", but the model already has a task of that name");
        }
        String last = trunk.get(trunk.size() - 1);
        if (!(model.graph().getLayer(last).conf().getLayer() instanceof FeedForwardLayer layer)) {
            throw new InvalidInputException("domain-adversarial training attaches its domain classifier to a dense "
                    + "trunk output, but the trunk ends with " + last);
        }
        // Added layers get no updater from TransferLearning; they take the trunk's (Adam, say), since
        // DL4J's per-layer learning rates need one updater kind across the graph.
        IUpdater updater = layer.getIUpdater().clone();
        TransferLearning.GraphBuilder builder = new TransferLearning.GraphBuilder(model.graph())
                .addVertex(REVERSAL, new GradientReversal(), last);
        List<String> head = new ArrayList<>();
        String input = REVERSAL;
        long width = layer.getNOut();
        for (int size : adversary.hidden()) {
            String name = DomainAdversary.OUTPUT + "-dense-" + (head.size() + 1);
            builder.addLayer(name, new DenseLayer.Builder().nIn(width).nOut(size).activation(Activation.RELU)
                    .weightInit(WeightInit.RELU).updater(updater.clone()).build(), input);
            head.add(name);
            input = name;
            width = size;
        }
        builder.addLayer(DomainAdversary.OUTPUT, new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(width)
                .nOut(domains).activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).updater(updater.clone()).build(), input);
        head.add(DomainAdversary.OUTPUT);
        List<String> outputs = new ArrayList<>(model.outputs());
        outputs.add(DomainAdversary.OUTPUT);
        ComputationGraph graph = builder.setOutputs(outputs.toArray(String[]::new)).build();
        Map<String, List<String>> heads = new LinkedHashMap<>(model.headLayers());
        heads.put(DomainAdversary.OUTPUT, head);
        AdversarialModel adversarial = new AdversarialModel(model, new TrainableModel(graph, trunk, heads));
        adversarial.schedule(adversary, batches);
        return adversarial;
    }

    /** Sets lambda before every mini-batch from the fraction of the phase's batches done. */
    private void schedule(DomainAdversary adversary, long batches) {
        reversal.setLambda(adversary.lambda().applyAsDouble(0));
        extended.graph().addListeners(new BaseTrainingListener() {
            private long done;

            @Override
            public void iterationDone(org.deeplearning4j.nn.api.Model model, int iteration, int epoch) {
                done++;
                reversal.setLambda(adversary.lambda().applyAsDouble(Math.min(1.0, (double) done / batches)));
            }
        });
    }

    /** The model with the domain classifier, whose outputs are the tasks and {@link DomainAdversary#OUTPUT}. */
    TrainableModel model() {
        return extended;
    }

    /** The reversal's current scale. */
    double lambda() {
        return reversal.lambda();
    }

    /** How often the domain classifier names the right domain of the rows, in inference mode. */
    double domainAccuracy(Batch rows) {
        int output = extended.outputs().indexOf(DomainAdversary.OUTPUT);
        long correct = 0;
        for (int start = 0; start < rows.rows(); start += CHUNK) {
            int end = Math.min(rows.rows(), start + CHUNK);
            INDArray features = rows.features().get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
            INDArray predicted = extended.graph().output(false, features)[output].argMax(1);
            INDArray actual = rows.target(DomainAdversary.OUTPUT).get(NDArrayIndex.interval(start, end), NDArrayIndex.all()).argMax(1);
            correct += predicted.eq(actual).castTo(DataType.INT64).sumNumber().longValue();
        }
        return rows.rows() == 0 ? Double.NaN : (double) correct / rows.rows();
    }

    /** Copies the parameters of every layer the original has from the extended model into it. */
    void copyParametersToOriginal() {
        for (org.deeplearning4j.nn.api.Layer layer : original.graph().getLayers()) {
            if (layer.numParams() > 0) {
                String name = layer.conf().getLayer().getLayerName();
                layer.params().assign(extended.graph().getLayer(name).params());
            }
        }
    }
}
