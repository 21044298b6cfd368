package dev.fulcrum.plugins.groupfairness;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Benefits b = ŷ - y + 1 of one false negative (0), one true positive (1), one false positive (2), one true negative (1). */
class EntropyIndexTest {

    private static final Confusion ONE_OF_EACH = new Confusion(4, 1, 1, 1, 1);

    @Test
    void generalizedEntropyOfAlphaTwoIsHalfTheSquaredCoefficientOfVariation() {
        // mean benefit 1; (0 - 1 + 0 + 3) / (4 * 2 * 1)
        assertEquals(0.25, EntropyIndex.of(ONE_OF_EACH, 2).value(), 1e-12);
    }

    @Test
    void theilIndexIsAlphaOne() {
        assertEquals(2 * Math.log(2) / 4, EntropyIndex.of(ONE_OF_EACH, 1).value(), 1e-12);
    }

    @Test
    void alphaZeroIsUndefinedWhenABenefitIsZero() {
        Measure index = EntropyIndex.of(ONE_OF_EACH, 0);
        assertFalse(index.defined());
        assertEquals("GE(0) takes the log of a benefit of 0 (a false negative)", index.undefined());
    }

    @Test
    void alphaZeroIsTheMeanLogDeviation() {
        // benefits 1, 1, 2, 1 (two true positives, one false positive, one true negative); mean 1.25
        assertEquals(-(3 * Math.log(0.8) + Math.log(1.6)) / 4, EntropyIndex.of(new Confusion(4, 2, 1, 0, 1), 0).value(), 1e-12);
    }

    @Test
    void perfectDecisionsHaveNoInequality() {
        assertEquals(0, EntropyIndex.of(new Confusion(10, 4, 0, 0, 6), 2).value(), 1e-12);
    }

    @Test
    void betweenGroupIndexUsesGroupMeanBenefits() {
        Confusion perfect = new Confusion(2, 1, 0, 0, 1);
        Confusion generous = new Confusion(2, 0, 2, 0, 0);
        // group means 1 and 2 with equal weight; overall mean 1.5: ((1/1.5)^2 - 1 + (2/1.5)^2 - 1) / (2 * 2)
        double expected = (Math.pow(1 / 1.5, 2) - 1 + Math.pow(2 / 1.5, 2) - 1) / 4;
        assertEquals(expected, EntropyIndex.betweenGroups(new Confusion[] {perfect, generous}, 2).value(), 1e-12);
    }

    @Test
    void allFalseNegativesHaveNoMeanBenefit() {
        Measure index = EntropyIndex.of(new Confusion(3, 0, 0, 3, 0), 2);
        assertFalse(index.defined());
        assertEquals("the mean benefit is 0: every row is a false negative", index.undefined());
    }
}
