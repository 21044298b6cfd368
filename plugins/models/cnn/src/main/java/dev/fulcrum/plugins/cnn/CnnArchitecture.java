package dev.fulcrum.plugins.cnn;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.data.ImageShape;
import dev.fulcrum.api.model.Activations;
import dev.fulcrum.api.model.ModelArchitecture;
import dev.fulcrum.api.model.ModelGraph;
import dev.fulcrum.api.model.ModelSpec;
import dev.fulcrum.api.model.TrainableModel;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.nd4j.linalg.activations.Activation;

/**
 * Trunk: convolutions {@code conv-1 .. conv-N}, each followed by max pooling {@code pool-i} (no
 * parameters), then dense layers {@code dense-1 ..}; per task a softmax head named after it.
 * Convolutions keep only whole windows ({@code Truncate}: DL4J's {@code Same} mode measured twice as
 * slow on CPU here), so the image must be large enough for every layer, which is checked up front.
 */
final class CnnArchitecture implements ModelArchitecture {

    private final CnnParams params;

    CnnArchitecture(CnnParams params) {
        this.params = params;
    }

    @Override
    public TrainableModel build(ModelSpec spec) {
        ImageShape image = spec.imageShape().orElseThrow(() -> new InvalidInputException("model cnn needs image rows (a data "
                + "source whose rows are images, such as idx); these rows are " + spec.inputSize() + " plain features"));
        checkFits(image);
        Activation activation = Activations.parse(params.activation());
        ModelGraph model = ModelGraph.start(spec, activation, params.regularization());
        String previous = ModelGraph.INPUT;
        for (int i = 0; i < params.filters().size(); i++) {
            String conv = "conv-" + (i + 1);
            ConvolutionLayer.Builder layer = new ConvolutionLayer.Builder(params.kernel(), params.kernel())
                    .stride(params.stride(), params.stride()).nOut(params.filters().get(i)).activation(activation)
                    .convolutionMode(ConvolutionMode.Truncate);
            model.trunk(conv, (i == 0 ? layer : model.regularization().dropInput(layer)).build(), previous);
            previous = conv;
            if (params.pool() > 1) {
                String pool = "pool-" + (i + 1);
                model.graph().addLayer(pool, new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                        .kernelSize(params.pool(), params.pool()).stride(params.pool(), params.pool())
                        .convolutionMode(ConvolutionMode.Truncate).build(), previous);
                previous = pool;
            }
        }
        for (int i = 0; i < params.dense().size(); i++) {
            String name = "dense-" + (i + 1);
            model.trunk(name, model.regularization().dropInput(new DenseLayer.Builder().nOut(params.dense().get(i))
                    .activation(activation)).build(), previous);
            previous = name;
        }
        return model.build(previous, params.headHidden());
    }

    /** Follows the image size through the layers: {@code (side - kernel) / stride + 1}, then {@code / pool}. */
    private void checkFits(ImageShape image) {
        int height = image.height();
        int width = image.width();
        for (int i = 0; i < params.filters().size(); i++) {
            height = (height - params.kernel()) / params.stride() + 1;
            width = (width - params.kernel()) / params.stride() + 1;
            if (height >= 1 && width >= 1) {
                height /= params.pool();
                width /= params.pool();
            }
            if (height < 1 || width < 1) {
                throw new InvalidInputException("model cnn: " + image.height() + "x" + image.width() + " images are too small for "
                        + "conv-" + (i + 1) + " (kernel " + params.kernel() + ", stride " + params.stride() + ", pool "
                        + params.pool() + "); use fewer filters entries, a smaller kernel or less pooling");
            }
        }
    }
}
