package dev.fulcrum.plugins.groupfairness;

import java.util.function.Function;

/** The per-group metrics, with their names in the results and their headings in the table. */
enum RateMetric {
    BASE_RATE("base_rate", "base", Confusion::baseRate),
    SELECTION_RATE("selection_rate", "select", Confusion::selectionRate),
    TPR("tpr", "TPR", Confusion::truePositiveRate),
    FPR("fpr", "FPR", Confusion::falsePositiveRate),
    FNR("fnr", "FNR", Confusion::falseNegativeRate),
    TNR("tnr", "TNR", Confusion::trueNegativeRate),
    PPV("ppv", "PPV", Confusion::positivePredictiveValue),
    ACCURACY("accuracy", "acc", Confusion::accuracy);

    private final String key;
    private final String heading;
    private final Function<Confusion, Measure> measure;

    RateMetric(String key, String heading, Function<Confusion, Measure> measure) {
        this.key = key;
        this.heading = heading;
        this.measure = measure;
    }

    String key() {
        return key;
    }

    String heading() {
        return heading;
    }

    Measure of(Confusion confusion) {
        return measure.apply(confusion);
    }
}
