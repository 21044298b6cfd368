package dev.fulcrum.math.stats;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ClassCountsTest {

    /** Six rows, three classes; the figures worked by hand (and as scikit-learn's classification_report gives them). */
    @Test
    void countsAndPerClassFiguresMatchAHandWorkedCase() {
        int[] labels = {0, 0, 1, 1, 2, 2};
        int[] predicted = {0, 1, 1, 1, 0, 0};
        ClassCounts counts = ClassCounts.of(List.of("a", "b", "c"), labels, predicted);
        assertArrayEquals(new long[] {1, 1, 0}, counts.confusion()[0]);
        assertArrayEquals(new long[] {0, 2, 0}, counts.confusion()[1]);
        assertArrayEquals(new long[] {2, 0, 0}, counts.confusion()[2]);
        assertEquals(1.0 / 3, counts.precision(0), 1e-12);
        assertEquals(0.5, counts.recall(0), 1e-12);
        assertEquals(0.4, counts.f1(0), 1e-12);
        assertEquals(2.0 / 3, counts.precision(1), 1e-12);
        assertEquals(1.0, counts.recall(1), 1e-12);
        assertEquals(0.8, counts.f1(1), 1e-12);
        assertEquals(2, counts.support(2));
        assertEquals(0.0, counts.precision(2), "a class never predicted has precision 0, not NaN");
        assertEquals(0.0, counts.f1(2));
    }
}
