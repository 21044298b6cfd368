package dev.fulcrum.plugins.domainstandardize;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.adapt.DomainTransform;
import dev.fulcrum.api.adapt.TransformingDomainAdapter;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.math.rows.DomainRows;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code x -> (x - mean_d) / std_d} for the rows of each domain {@code d}, with the mean and
 * (population) standard deviation of that domain's training rows; a feature constant there is only
 * centred. An affine change of each feature between domains, {@code x' = a x + b} with
 * {@code a > 0}, is undone exactly; a flip ({@code a < 0}) is not, as it maps onto the mirror image.
 */
final class DomainStandardize implements TransformingDomainAdapter {

    private final boolean scale;

    DomainStandardize(boolean scale) {
        this.scale = scale;
    }

    @Override
    public DomainTransform fit(Dataset data) {
        DomainRows rows = DomainRows.of(data, "domain-standardize");
        List<String> domains = data.schema().domains();
        List<String> fitted = new ArrayList<>();
        List<INDArray> means = new ArrayList<>();
        List<INDArray> divisors = new ArrayList<>();
        for (int domain = 0; domain < domains.size(); domain++) {
            if (rows.ofDomain(domain).length == 0) {
                continue;
            }
            int[] training = rows.training(domain);
            if (training.length == 0) {
                throw new InvalidInputException("domain-standardize: domain \"" + domains.get(domain)
                        + "\" has no rows in the training partition to take its mean and standard deviation from");
            }
            INDArray fit = rows.features(training);
            fitted.add(domains.get(domain));
            means.add(fit.mean(true, 0));
            if (scale) {
                INDArray std = fit.std(false, true, 0);
                divisors.add(std.add(std.eq(0).castTo(DataType.DOUBLE)));
            } else {
                divisors.add(Nd4j.ones(DataType.DOUBLE, 1, data.schema().featureCount()));
            }
        }
        return new DomainMoments(fitted, Nd4j.vstack(means.toArray(INDArray[]::new)), Nd4j.vstack(divisors.toArray(INDArray[]::new)));
    }

    @Override
    public DomainTransform restore(Map<String, INDArray> state) {
        return DomainMoments.restore(state);
    }
}
