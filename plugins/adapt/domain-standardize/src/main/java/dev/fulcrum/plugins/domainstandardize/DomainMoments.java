package dev.fulcrum.plugins.domainstandardize;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.adapt.DomainTransform;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.features.StateText;
import dev.fulcrum.math.rows.DomainMembers;
import dev.fulcrum.math.rows.DomainRows;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;

/** Each domain's training mean and divisor (its standard deviation, or 1), one row per domain, by name. */
final class DomainMoments implements DomainTransform {

    private static final String DOMAINS = "domains";
    private static final String MEAN = "mean";
    private static final String DIVISOR = "divisor";

    private final List<String> domains;
    private final INDArray means;
    private final INDArray divisors;

    DomainMoments(List<String> domains, INDArray means, INDArray divisors) {
        this.domains = List.copyOf(domains);
        this.means = means;
        this.divisors = divisors;
    }

    static DomainMoments restore(Map<String, INDArray> state) {
        if (!state.keySet().containsAll(List.of(DOMAINS, MEAN, DIVISOR))) {
            throw new InvalidInputException("domain-standardize: the saved state needs " + List.of(DOMAINS, MEAN, DIVISOR)
                    + ", has " + state.keySet());
        }
        return new DomainMoments(StateText.decode(state.get(DOMAINS)), state.get(MEAN), state.get(DIVISOR));
    }

    @Override
    public Dataset apply(Dataset rows) {
        if (rows.schema().featureCount() != means.columns()) {
            throw new InvalidInputException("domain-standardize: fitted on " + means.columns() + " features, given rows of "
                    + rows.schema().featureCount());
        }
        DomainMembers members = DomainMembers.of(rows);
        INDArray features = rows.features();
        for (String domain : members.present()) {
            int index = domains.indexOf(domain);
            if (index < 0) {
                throw new InvalidInputException("domain-standardize: rows of domain \"" + domain + "\", which it had no "
                        + "training rows of; it standardizes the domains " + domains);
            }
            int[] of = members.named(domain);
            INDArray transformed = DomainMembers.features(rows, of).subiRowVector(means.getRow(index, true))
                    .diviRowVector(divisors.getRow(index, true));
            features = DomainRows.replaceRows(features, of, transformed);
        }
        return rows.withFeatures(features);
    }

    @Override
    public Map<String, INDArray> state() {
        return Map.of(DOMAINS, StateText.encode(domains), MEAN, means, DIVISOR, divisors);
    }
}
