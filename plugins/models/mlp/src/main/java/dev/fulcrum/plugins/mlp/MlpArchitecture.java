package dev.fulcrum.plugins.mlp;

import dev.fulcrum.api.model.Activations;
import dev.fulcrum.api.model.ModelArchitecture;
import dev.fulcrum.api.model.ModelGraph;
import dev.fulcrum.api.model.ModelSpec;
import dev.fulcrum.api.model.TrainableModel;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.nd4j.linalg.activations.Activation;

/**
 * Trunk layers {@code dense-1 .. dense-N} shared by all tasks; per task, optional hidden layers
 * {@code <task>-dense-1 ..} and a softmax output layer named after the task.
 */
final class MlpArchitecture implements ModelArchitecture {

    private final MlpParams params;

    MlpArchitecture(MlpParams params) {
        this.params = params;
    }

    @Override
    public TrainableModel build(ModelSpec spec) {
        Activation activation = Activations.parse(params.activation());
        ModelGraph model = ModelGraph.start(spec, activation, params.regularization());
        String previous = ModelGraph.INPUT;
        for (int i = 0; i < params.hidden().size(); i++) {
            DenseLayer.Builder layer = new DenseLayer.Builder().nOut(params.hidden().get(i)).activation(activation);
            // dropout applies to hidden activations, not to the raw features
            String name = "dense-" + (i + 1);
            model.trunk(name, (i == 0 ? layer : model.regularization().dropInput(layer)).build(), previous);
            previous = name;
        }
        return model.build(previous, params.headHidden());
    }
}
