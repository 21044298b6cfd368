package dev.fulcrum.math.random;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StratifiedFoldsTest {

    @Test
    void everyFoldGetsItsShareOfEachClass() {
        int[] labels = new int[103];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i < 60 ? 0 : i < 90 ? 1 : 2; // 60, 30 and 13 rows
        }
        int[] fold = StratifiedFolds.assign(labels, 3, 5, 7);
        int[][] counts = new int[5][3];
        for (int i = 0; i < labels.length; i++) {
            counts[fold[i]][labels[i]]++;
        }
        for (int f = 0; f < 5; f++) {
            assertEquals(12, counts[f][0]);
            assertEquals(6, counts[f][1]);
            assertTrue(counts[f][2] == 2 || counts[f][2] == 3, "fold " + f + ": " + counts[f][2]);
            int size = counts[f][0] + counts[f][1] + counts[f][2];
            assertTrue(size == 20 || size == 21, "fold " + f + " holds " + size);
        }
    }

    @Test
    void seededAndTheSeedMatters() {
        int[] labels = new int[50];
        assertArrayEquals(StratifiedFolds.assign(labels, 1, 3, 1), StratifiedFolds.assign(labels, 1, 3, 1));
        assertFalse(java.util.Arrays.equals(StratifiedFolds.assign(labels, 1, 3, 1), StratifiedFolds.assign(labels, 1, 3, 2)));
    }

    @Test
    void refusesFewerRowsOfAClassThanFoldsAndFewerThanTwoFolds() {
        assertEquals("class 1 has 2 rows, fewer than the 3 folds", assertThrows(IllegalArgumentException.class,
                () -> StratifiedFolds.assign(new int[] {0, 0, 0, 1, 1}, 2, 3, 0)).getMessage());
        assertEquals("cross-fitting needs at least 2 folds, got 1", assertThrows(IllegalArgumentException.class,
                () -> StratifiedFolds.assign(new int[] {0, 0}, 1, 1, 0)).getMessage());
    }
}
