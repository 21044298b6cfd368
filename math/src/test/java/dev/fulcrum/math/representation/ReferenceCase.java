package dev.fulcrum.math.representation;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** A case written by {@code src/test/resources/representation/reference.py}: per row its label, then its values. */
record ReferenceCase(int[] labels, INDArray values) {

    static ReferenceCase read(String name) {
        List<double[]> rows = text(name + ".csv").lines()
                .map(line -> Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray())
                .toList();
        int[] labels = rows.stream().mapToInt(row -> (int) row[0]).toArray();
        double[][] values = rows.stream().map(row -> Arrays.copyOfRange(row, 1, row.length)).toArray(double[][]::new);
        return new ReferenceCase(labels, Nd4j.create(values));
    }

    /** The value {@code reference.py} computed for a case, from {@code expected.txt}. */
    static double expected(String name) {
        return text("expected.txt").lines()
                .map(line -> line.split(" "))
                .filter(fields -> fields[0].equals(name))
                .mapToDouble(fields -> Double.parseDouble(fields[1]))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("expected.txt has no " + name));
    }

    private static String text(String file) {
        try (InputStream in = ReferenceCase.class.getResourceAsStream("/representation/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource representation/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
