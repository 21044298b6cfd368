package dev.fulcrum.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A CSV file with a categorical column and numeric ones, for feature-extractor tests: columns
 * {@code colour} (red, green, blue), {@code age} (18 to 78), {@code income} and {@code hours} (-1 to 1),
 * and the label {@code label} (low, high), which depends on the colour, on which side of 45 the age
 * lies, and on the product income * hours: what one-hot, bucketize and interactions expose.
 */
public final class MixedColumnsCsv {

    public static final String LABEL = "label";
    public static final List<String> CLASSES = List.of("low", "high");

    private MixedColumnsCsv() {
    }

    public static Path write(Path file, int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] colours = {"red", "green", "blue"};
        List<String> lines = new ArrayList<>(List.of("colour,age,income,hours,label"));
        for (int i = 0; i < rows; i++) {
            String colour = colours[random.nextInt(3)];
            double age = 18 + 60 * random.nextDouble();
            double income = 2 * random.nextDouble() - 1;
            double hours = 2 * random.nextDouble() - 1;
            double score = (colour.equals("red") ? 1.5 : colour.equals("blue") ? -1 : 0) + (age > 45 ? 1 : -1) + 3 * income * hours;
            lines.add(String.format(Locale.ROOT, "%s,%.1f,%.3f,%.3f,%s", colour, age, income, hours, CLASSES.get(score > 0 ? 1 : 0)));
        }
        try {
            return Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
