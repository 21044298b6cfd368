package dev.fulcrum.plugins.samplers.tpe;

import dev.fulcrum.api.tune.ChoiceParameter;
import dev.fulcrum.api.tune.FloatParameter;
import dev.fulcrum.api.tune.IntParameter;
import dev.fulcrum.api.tune.Parameter;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParzenEstimatorTest {

    private static final ParzenEstimator.Settings JOINT = new ParzenEstimator.Settings(1.0, true, false, true);
    private static final ParzenEstimator.Settings INDEPENDENT = new ParzenEstimator.Settings(1.0, true, false, false);
    private static final ParzenEstimator.Settings UNCLIPPED = new ParzenEstimator.Settings(1.0, false, true, false);

    private static final FloatParameter X = new FloatParameter("x", -5, 5, false, null, Map.of());
    private static final FloatParameter RATE = new FloatParameter("rate", 1e-4, 1e-2, true, null, Map.of());
    private static final IntParameter ODD = new IntParameter("odd", 1, 9, false, 2, Map.of());
    private static final FloatParameter SHARE = new FloatParameter("share", 0.05, 0.5, false, 0.05, Map.of());
    private static final IntParameter UNITS = new IntParameter("units", 8, 512, true, 1, Map.of());
    private static final ChoiceParameter KIND = new ChoiceParameter("kind", List.of("a", "b", "c"), Map.of());

    private static ParameterAxis axis(Parameter parameter) {
        return ParameterAxis.of(parameter).orElseThrow();
    }

    @Test
    void aContinuousDensityIntegratesToOneOverItsRangeWhateverTheBandwidthRule() {
        for (ParzenEstimator.Settings settings : List.of(JOINT, INDEPENDENT, UNCLIPPED)) {
            for (FloatParameter parameter : List.of(X, RATE)) {
                ParameterAxis axis = axis(parameter);
                double[][] observed = {{axis.snap(axis.low() + 0.01)}, {axis.snap(0.3 * axis.low() + 0.7 * axis.high())},
                        {axis.snap(axis.high() - 0.2)}, {axis.snap(0.5 * axis.low() + 0.5 * axis.high())}};
                ParzenEstimator density = new ParzenEstimator(List.of(axis), observed, null, settings);
                int steps = 50_000;
                double width = (axis.high() - axis.low()) / steps;
                double integral = 0;
                for (int k = 0; k < steps; k++) {
                    integral += Math.exp(density.logDensity(new double[] {axis.low() + (k + 0.5) * width})) * width;
                }
                assertEquals(1.0, integral, 1e-3, parameter.path() + " with " + settings);
            }
        }
    }

    @Test
    void aJointDensityOfTwoFloatsIntegratesToOne() {
        List<ParameterAxis> axes = List.of(axis(X), axis(new FloatParameter("y", 0, 1, false, null, Map.of())));
        double[][] observed = {{-4, 0.1}, {0, 0.5}, {3.5, 0.95}, {1, 0.2}, {2, 0.3}};
        ParzenEstimator density = new ParzenEstimator(axes, observed, new double[] {1, 0.5, 1, 1, 0.2}, JOINT);
        int steps = 400;
        double dx = 10.0 / steps;
        double dy = 1.0 / steps;
        double integral = 0;
        for (int i = 0; i < steps; i++) {
            for (int j = 0; j < steps; j++) {
                integral += Math.exp(density.logDensity(new double[] {-5 + (i + 0.5) * dx, (j + 0.5) * dy})) * dx * dy;
            }
        }
        assertEquals(1.0, integral, 1e-3);
    }

    @Test
    void aDiscreteDensitySumsToOneOverItsValues() {
        for (ParzenEstimator.Settings settings : List.of(JOINT, INDEPENDENT)) {
            ParameterAxis odd = axis(ODD);
            ParzenEstimator density = new ParzenEstimator(List.of(odd), new double[][] {{1}, {7}, {7}}, null, settings);
            double sum = ODD.gridValues().stream().mapToDouble(v -> Math.exp(density.logDensity(new double[] {odd.coordinate(v)}))).sum();
            assertEquals(1.0, sum, 1e-12, "odd integers with " + settings);
            ParameterAxis share = axis(SHARE);
            ParzenEstimator shares = new ParzenEstimator(List.of(share), new double[][] {{0.05}, {0.3}}, null, settings);
            double shareSum = SHARE.gridValues().stream()
                    .mapToDouble(v -> Math.exp(shares.logDensity(new double[] {share.coordinate(v)}))).sum();
            assertEquals(1.0, shareSum, 1e-12, "shares in steps of 0.05 with " + settings);
        }
    }

    @Test
    void aChoiceKernelPutsOneAndAShareOfThePriorOnItsChoiceAndThePriorIsUniform() {
        // Three observations a, a, b and the prior weigh 1/4 each; an observation's kernel is (1/4 + [its choice]) / 1.75.
        ParzenEstimator density = new ParzenEstimator(List.of(axis(KIND)), new double[][] {{0}, {0}, {1}}, null, JOINT);
        double[] expected = {
                0.25 * (2 * 1.25 + 0.25) / 1.75 + 0.25 / 3,
                0.25 * (2 * 0.25 + 1.25) / 1.75 + 0.25 / 3,
                0.25 * (3 * 0.25) / 1.75 + 0.25 / 3};
        double[] actual = new double[3];
        for (int c = 0; c < 3; c++) {
            actual[c] = Math.exp(density.logDensity(new double[] {c}));
        }
        assertArrayEquals(expected, actual, 1e-12);
        int[] counts = new int[3];
        SplittableRandom random = new SplittableRandom(5);
        int draws = 40_000;
        for (int k = 0; k < draws; k++) {
            counts[(int) density.sample(random)[0]]++;
        }
        for (int c = 0; c < 3; c++) {
            assertEquals(expected[c], counts[c] / (double) draws, 0.01, "share of draws of choice " + c);
        }
    }

    @Test
    void everyDrawSnapsToAValueTheParameterMayTake() {
        List<Parameter> parameters = List.of(X, RATE, ODD, SHARE, UNITS, KIND);
        List<ParameterAxis> axes = parameters.stream().map(ParzenEstimatorTest::axis).toList();
        double[][] observed = {
                {axes.get(0).snap(4.99), axes.get(1).snap(Math.log(1e-4)), 9, 0.5, Math.log(512), 2},
                {axes.get(0).snap(-5), axes.get(1).snap(Math.log(1e-2)), 1, 0.05, Math.log(8), 0}};
        for (ParzenEstimator.Settings settings : List.of(JOINT, INDEPENDENT, UNCLIPPED)) {
            ParzenEstimator density = new ParzenEstimator(axes, observed, null, settings);
            SplittableRandom random = new SplittableRandom(11);
            for (int k = 0; k < 2000; k++) {
                double[] point = density.sample(random);
                for (int i = 0; i < axes.size(); i++) {
                    ParameterAxis axis = axes.get(i);
                    assertTrue(axis.kind() == ParameterAxis.Kind.CATEGORICAL || point[i] >= axis.low() && point[i] <= axis.high(),
                            parameters.get(i).path() + " drew " + point[i] + " outside its bounds");
                    Object value = axis.value(point[i]);
                    assertTrue(parameters.get(i).contains(value), parameters.get(i).path() + " drew " + value);
                }
            }
        }
    }

    @Test
    void olderObservationsPastTwentyFiveWeighLessOnARamp() {
        double[] weights = ParzenEstimator.defaultWeights(30);
        assertArrayEquals(new double[] {1 / 30.0, 1 / 30.0 + 0.25 * (29 / 30.0), 1 / 30.0 + 0.5 * (29 / 30.0),
                1 / 30.0 + 0.75 * (29 / 30.0), 1.0}, java.util.Arrays.copyOf(weights, 5), 1e-12);
        assertEquals(25.0, java.util.Arrays.stream(weights, 5, 30).sum(), 1e-12);
        assertArrayEquals(new double[] {1 / 26.0}, java.util.Arrays.copyOf(ParzenEstimator.defaultWeights(26), 1), 1e-12);
        assertArrayEquals(new double[] {1, 1, 1}, ParzenEstimator.defaultWeights(3));
    }
}
