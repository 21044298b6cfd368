package dev.fulcrum.core.compare;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class BalanceFrontTest {

    @Test
    void aRunBetterOnBothSidesDominatesAndTradeOffsStayOnTheFront() {
        // The four strategies of the README's Fashion table: (specific, general) test accuracy.
        List<double[]> strategies = List.of(
                new double[] {0.8642, 0.2132},  // supervised
                new double[] {0.8478, 0.8678},  // pretrain-finetune
                new double[] {0.8534, 0.8876},  // layer-wise
                new double[] {0.8708, 0.8940}); // multi-task: best on both sides
        assertArrayEquals(new boolean[] {false, false, false, true}, BalanceFront.nonDominated(strategies));
        List<double[]> tradeOff = List.of(new double[] {0.9, 0.2}, new double[] {0.5, 0.9}, new double[] {0.4, 0.8});
        assertArrayEquals(new boolean[] {true, true, false}, BalanceFront.nonDominated(tradeOff));
    }

    @Test
    void equalRunsAreBothOnTheFrontAndBetterOnOneSideOnlyIsEnoughToDominate() {
        assertArrayEquals(new boolean[] {true, true}, BalanceFront.nonDominated(List.of(new double[] {0.8, 0.7}, new double[] {0.8, 0.7})));
        assertArrayEquals(new boolean[] {true, false}, BalanceFront.nonDominated(List.of(new double[] {0.8, 0.7}, new double[] {0.8, 0.69})));
        assertArrayEquals(new boolean[] {}, BalanceFront.nonDominated(List.of()));
    }
}
