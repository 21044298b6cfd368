package dev.fulcrum.math.ensemble;

import dev.fulcrum.api.Experimental;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How an output ensemble combines its members' probabilities, by the name a config gives it. */
@Experimental
public enum CombineRule {
    /** The mean probability per class. */
    SOFT,
    /** The share of members voting for each class. */
    HARD,
    /** A weighted mean, the weights fitted by {@link EnsembleSelection} on the fitting rows. */
    WEIGHTED,
    /** A meta-learner fitted on the fitting rows: {@link Stacking}. */
    STACKING;

    /** The name in a config: {@code soft}, {@code hard}, {@code weighted}, {@code stacking}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The rule a config names; throws with the known names otherwise. */
    public static CombineRule named(String name) {
        return Arrays.stream(values()).filter(rule -> rule.label().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("expected one of " + Arrays.stream(values()).map(CombineRule::label).toList()
                        + ", got \"" + name + "\""));
    }

    /** Whether the rule learns from labelled rows (weighted and stacking do; the votes do not). */
    public boolean learns() {
        return this == WEIGHTED || this == STACKING;
    }

    /** The combiner of a rule that learns nothing, for {@code members} members. */
    public Combiner voting(int members) {
        return switch (this) {
            case SOFT -> WeightedVote.soft(members);
            case HARD -> new HardVote();
            default -> throw new IllegalStateException(label() + " is fitted on labelled rows");
        };
    }

    /**
     * A combiner for this rule; the rules that learn fit on {@code members}' outputs for labelled rows
     * that no member trained on.
     */
    public Combiner fit(List<float[][]> members, int[] labels) {
        return switch (this) {
            case SOFT, HARD -> voting(members.size());
            case WEIGHTED -> EnsembleSelection.fit(members, labels, EnsembleSelection.ROUNDS_PER_MEMBER * members.size());
            case STACKING -> Stacking.fit(members, labels);
        };
    }
}
