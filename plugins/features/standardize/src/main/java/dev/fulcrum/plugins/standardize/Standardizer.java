package dev.fulcrum.plugins.standardize;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.ImageShape;
import dev.fulcrum.api.features.FeatureExtractor;
import dev.fulcrum.api.features.FeatureTransform;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Arrays;
import java.util.Map;

/** Learns a mean and a scale per column (or per image channel, spread over its columns) from the training rows. */
final class Standardizer implements FeatureExtractor {

    private final StandardizeParams params;

    Standardizer(StandardizeParams params) {
        this.params = params;
    }

    @Override
    public FeatureTransform fit(Dataset training) {
        if (training.rows() == 0) {
            throw new InvalidInputException("standardize: there are no training rows to fit on");
        }
        int[] selected = params.selectedColumns(training.schema());
        float[] mean = new float[training.schema().featureCount()];
        float[] scale = new float[mean.length];
        Arrays.fill(scale, 1f);
        if (perChannel(training)) {
            fitPerChannel(training.features(), training.schema().image().orElseThrow(), mean, scale);
        } else {
            fitPerColumn(training.features(), selected, mean, scale);
        }
        return new StandardizeTransform(Nd4j.createFromArray(mean), Nd4j.createFromArray(scale), params);
    }

    @Override
    public FeatureTransform restore(Map<String, INDArray> state) {
        INDArray mean = state.get(StandardizeTransform.MEAN);
        INDArray scale = state.get(StandardizeTransform.SCALE);
        if (mean == null || scale == null || mean.length() != scale.length()) {
            throw new InvalidInputException("standardize: the saved state needs a mean and a scale of equal length, got "
                    + state.keySet());
        }
        return new StandardizeTransform(mean, scale, params);
    }

    private boolean perChannel(Dataset data) {
        boolean image = data.schema().image().isPresent();
        if (params.per().equals(StandardizeParams.CHANNEL) && !image) {
            throw new InvalidParamsException("per", "channel needs image rows, and these rows have no image shape; use column");
        }
        return params.per().equals(StandardizeParams.CHANNEL) || params.per().equals(StandardizeParams.AUTO) && image
                && params.columns() == null;
    }

    private static void fitPerColumn(INDArray x, int[] selected, float[] mean, float[] scale) {
        float[] columnMean = x.mean(0).toFloatVector();
        float[] columnStd = x.std(false, 0).toFloatVector();
        for (int j : selected) {
            mean[j] = columnMean[j];
            scale[j] = safeScale(columnMean[j], columnStd[j]);
        }
    }

    private static void fitPerChannel(INDArray x, ImageShape image, float[] mean, float[] scale) {
        int pixels = image.height() * image.width();
        for (int c = 0; c < image.channels(); c++) {
            INDArray channel = x.get(NDArrayIndex.all(), NDArrayIndex.interval(c * pixels, (c + 1) * pixels));
            float channelMean = channel.meanNumber().floatValue();
            float channelStd = channel.std(false, 0, 1).getFloat(0);
            Arrays.fill(mean, c * pixels, (c + 1) * pixels, channelMean);
            Arrays.fill(scale, c * pixels, (c + 1) * pixels, safeScale(channelMean, channelStd));
        }
    }

    /**
     * The deviation, or 1 for a column that is constant up to float rounding, so that it is only centred
     * (as scikit-learn's StandardScaler does) instead of blown up by a division by almost nothing.
     */
    private static float safeScale(float mean, float std) {
        return std > 1e-6f * Math.max(1f, Math.abs(mean)) ? std : 1f;
    }
}
