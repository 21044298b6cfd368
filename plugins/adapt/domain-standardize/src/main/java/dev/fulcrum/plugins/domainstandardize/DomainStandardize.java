package dev.fulcrum.plugins.domainstandardize;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.adapt.DomainAdapter;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.math.rows.DomainRows;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * {@code x -> (x - mean_d) / std_d} for the rows of each domain {@code d}, with the mean and
 * (population) standard deviation of that domain's training rows; a feature constant there is only
 * centred. An affine change of each feature between domains, {@code x' = a x + b} with
 * {@code a > 0}, is undone exactly; a flip ({@code a < 0}) is not, as it maps onto the mirror image.
 */
final class DomainStandardize implements DomainAdapter {

    private final boolean scale;

    DomainStandardize(boolean scale) {
        this.scale = scale;
    }

    @Override
    public Dataset adapt(Dataset data) {
        DomainRows rows = DomainRows.of(data, "domain-standardize");
        List<String> domains = data.schema().domains();
        INDArray features = data.features();
        for (int domain = 0; domain < domains.size(); domain++) {
            int[] members = rows.ofDomain(domain);
            if (members.length == 0) {
                continue;
            }
            int[] training = rows.training(domain);
            if (training.length == 0) {
                throw new InvalidInputException("domain-standardize: domain \"" + domains.get(domain)
                        + "\" has no rows in the training partition to take its mean and standard deviation from");
            }
            INDArray fit = rows.features(training);
            INDArray transformed = rows.features(members).subiRowVector(fit.mean(true, 0));
            if (scale) {
                INDArray std = fit.std(false, true, 0);
                transformed.diviRowVector(std.add(std.eq(0).castTo(DataType.DOUBLE)));
            }
            features = DomainRows.replaceRows(features, members, transformed);
        }
        return data.withFeatures(features);
    }
}
