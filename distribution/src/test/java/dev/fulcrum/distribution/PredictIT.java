package dev.fulcrum.distribution;

import dev.fulcrum.testkit.CliResult;
import dev.fulcrum.testkit.RunRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code fulcrum predict} through the real launcher: the run's test rows, new CSV rows, and bad input. */
class PredictIT {

    /** A CSV of rows of the quickstart's ten feature columns, with an id column. */
    static final String FEATURES = "x0,x1,x2,x3,x4,x5,x6,x7,x8,x9";

    @TempDir
    static Path work;
    static RunRecord quickstart;

    @BeforeAll
    static void runTheQuickstart() throws Exception {
        quickstart = quickstartIn(work);
    }

    /** The quickstart run (its coral step included: model.zip saves the fitted map) for three epochs in {@code folder}. */
    static RunRecord quickstartIn(Path folder) throws Exception {
        Launcher.run(folder, "run", Launcher.EXAMPLES.resolve("quickstart.yaml").toString(), "--runs", "runs",
                "--set", "strategy.epochs=3").assertExit(0);
        return RunRecord.latestIn(folder.resolve("runs"));
    }

    /** The quickstart's specific data source, as the run resolved it. */
    static Path specificSource(Path folder) throws IOException {
        return Files.writeString(folder.resolve("specific.yaml"), "{type: synthetic, rows: 3000}\n");
    }

    /** {@code rows} rows of random feature values, each with an id. */
    static Path randomRows(Path file, int rows, long seed) throws IOException {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("id," + FEATURES + "\n");
        for (int row = 0; row < rows; row++) {
            csv.append("r").append(row);
            for (int j = 0; j < 10; j++) {
                csv.append(',').append(String.format(Locale.ROOT, "%.5f", random.nextGaussian() * 2));
            }
            csv.append('\n');
        }
        return Files.writeString(file, csv);
    }

    @Test
    void aModelWhoseAdapterMadeFeatureColumnsAdaptsNewRowsAndReproducesItsTestAccuracy() throws Exception {
        Path folder = Files.createDirectories(work.resolve("augmented"));
        Files.writeString(folder.resolve("augmented.yaml"), """
                name: augmented
                data:
                  specific: {type: synthetic, rows: 600, features: 6, target-share: 0.5}
                split: {target-labelled: 0.2}
                adapt: [{type: feature-augmentation}, {type: importance-weighting}]
                model: {type: mlp, hidden: [4]}
                strategy: {type: supervised, epochs: 1}
                """);
        Launcher.run(folder, "run", "augmented.yaml", "--runs", "runs").assertExit(0);
        RunRecord run = RunRecord.latestIn(folder.resolve("runs"));
        Files.writeString(folder.resolve("rows.yaml"), "{type: synthetic, rows: 600, features: 6, target-share: 0.5}\n");
        Launcher.run(folder, "predict", run.folder().toString(), "--data", "rows.yaml", "--partition", "test", "--out", "rows.csv")
                .assertExit(0).assertOutContains(String.format(Locale.ROOT, "specific accuracy %.4f on %d labelled rows",
                        run.metric("test", "specific", "accuracy"), (long) run.metric("test", "specific", "count")));
    }

    @Test
    void csvRowsAreAdaptedByTheirDomainColumnAndTargetRowsByDefault() throws Exception {
        Path folder = Files.createDirectories(work.resolve("domains"));
        List<String> rows = Files.readAllLines(randomRows(folder.resolve("rows.csv"), 20, 3));
        StringBuilder asSource = new StringBuilder(rows.get(0) + ",domain\n");
        StringBuilder asTarget = new StringBuilder(rows.get(0) + ",domain\n");
        for (String row : rows.subList(1, rows.size())) {
            asSource.append(row).append(",source\n");
            asTarget.append(row).append(",target\n");
        }
        Files.writeString(folder.resolve("source.csv"), asSource);
        Files.writeString(folder.resolve("target.csv"), asTarget);
        for (String name : List.of("rows", "source", "target")) {
            Launcher.run(folder, "predict", quickstart.folder().toString(), "--data", name + ".csv", "--out", name + "-out.csv")
                    .assertExit(0);
        }
        List<String> unsaid = Files.readAllLines(folder.resolve("rows-out.csv"));
        assertEquals(unsaid, Files.readAllLines(folder.resolve("target-out.csv")), "rows that say no domain are target rows");
        List<String> source = Files.readAllLines(folder.resolve("source-out.csv"));
        assertEquals(unsaid.get(0), source.get(0));
        assertNotEquals(unsaid.subList(1, unsaid.size()), source.subList(1, source.size()),
                "coral's saved map re-colours source rows only");

        Files.writeString(folder.resolve("elsewhere.csv"), rows.get(0) + ",domain\n" + rows.get(1) + ",elsewhere\n");
        Launcher.run(folder, "predict", quickstart.folder().toString(), "--data", "elsewhere.csv", "--out", "elsewhere-out.csv")
                .assertExit(2).assertErrContains("elsewhere.csv: row 2, column domain: domain \"elsewhere\" is not one of the run's domains "
                        + "[source, target]");
        assertFalse(Files.exists(folder.resolve("elsewhere-out.csv")), "nothing is written");
    }

    @Test
    void theRunsTestRowsReproduceItsTestAccuracy() throws Exception {
        Path folder = Files.createDirectories(work.resolve("test-rows"));
        CliResult predicted = Launcher.run(folder, "predict", quickstart.folder().toString(), "--data",
                specificSource(folder).toString(), "--partition", "test", "--out", "test.csv").assertExit(0);
        for (String task : List.of("specific", "general")) {
            String expected = String.format(Locale.ROOT, "%s accuracy %.4f on %d labelled rows", task,
                    quickstart.metric("test", task, "accuracy"), (long) quickstart.metric("test", task, "count"));
            predicted.assertOutContains(expected);
        }
        List<String> lines = Files.readAllLines(folder.resolve("test.csv"));
        assertEquals("id,specific,specific.negative,specific.positive,general,general.class-0,general.class-1,general.class-2,"
                + "general.class-3", lines.get(0));
        long testRows = (long) (quickstart.metric("test", "specific", "count") + quickstart.metric("test", "general", "count"));
        assertEquals(testRows + 1, lines.size());
        assertTrue(lines.get(1).matches("synthetic#\\d+,.*"), "a source's rows keep their ids: " + lines.get(1));
        Matcher throughput = Pattern.compile("(\\d+) rows predicted in [0-9.]+ s \\((\\d+) rows/s\\)").matcher(predicted.out());
        assertTrue(throughput.find(), predicted.out());
        assertEquals(testRows, Long.parseLong(throughput.group(1)));
    }

    @Test
    void csvRowsGetOneLineEachWithTheirIdAndProbabilitiesThatSumToOne() throws Exception {
        Path folder = Files.createDirectories(work.resolve("csv-rows"));
        Path rows = randomRows(folder.resolve("rows.csv"), 50, 1);
        Launcher.run(folder, "predict", quickstart.folder().resolve("model.zip").toString(), "--data", rows.toString())
                .assertExit(0).assertOutContains("50 rows predicted in ");
        List<String> lines = Files.readAllLines(folder.resolve("predictions.csv"));
        assertEquals(51, lines.size());
        for (int row = 0; row < 50; row++) {
            String[] fields = lines.get(row + 1).split(",");
            assertEquals("r" + row, fields[0]);
            assertTrue(List.of("negative", "positive").contains(fields[1]), lines.get(row + 1));
            double sum = Float.parseFloat(fields[2]) + Float.parseFloat(fields[3]);
            assertEquals(1.0, sum, 1e-5, lines.get(row + 1));
            String decided = Float.parseFloat(fields[3]) > Float.parseFloat(fields[2]) ? "positive" : "negative";
            assertEquals(decided, fields[1], lines.get(row + 1));
        }
    }

    @Test
    void aMissingColumnIsBadInputNamingIt() throws Exception {
        Path folder = Files.createDirectories(work.resolve("missing"));
        Path rows = Files.writeString(folder.resolve("rows.csv"), "x0,x1,x2,x4,x5,x6,x7,x8,x9\n1,2,3,4,5,6,7,8,9\n");
        Launcher.run(folder, "predict", quickstart.folder().toString(), "--data", rows.toString())
                .assertExit(2).assertErrContains("error: column x3: missing; the model takes the feature columns [x0, x1,");
        assertFalse(Files.exists(folder.resolve("predictions.csv")));
    }

    @Test
    void anExtraColumnIsBadInputNamingIt() throws Exception {
        Path folder = Files.createDirectories(work.resolve("extra"));
        Path rows = Files.writeString(folder.resolve("rows.csv"), FEATURES + ",colour\n0,1,2,3,4,5,6,7,8,9,red\n");
        Launcher.run(folder, "predict", quickstart.folder().toString(), "--data", rows.toString())
                .assertExit(2).assertErrContains("error: column colour: the model does not take it; it takes the feature columns [x0,");
    }

    @Test
    void aFolderThatIsNotARunIsBadInput() throws Exception {
        Path folder = Files.createDirectories(work.resolve("not-a-run"));
        Path rows = randomRows(folder.resolve("rows.csv"), 2, 2);
        Launcher.run(folder, "predict", folder.toString(), "--data", rows.toString())
                .assertExit(2).assertErrContains(folder + ": not a run folder with a saved model (it has no model.zip)");
    }

    @Test
    void predictNeverWritesIntoTheRunFolder() throws Exception {
        Path folder = Files.createDirectories(work.resolve("into-run"));
        Path rows = randomRows(folder.resolve("rows.csv"), 2, 3);
        Launcher.run(folder, "predict", quickstart.folder().toString(), "--data", rows.toString(), "--out",
                quickstart.folder().resolve("summary.json").toString())
                .assertExit(2).assertErrContains("which predict never writes to");
        assertTrue(Files.readString(quickstart.folder().resolve("summary.json")).contains("\"schema_version\""));
    }

    @Test
    void aCategoryNeverSeenInTrainingIsBadInputNamingTheColumn() throws Exception {
        Path folder = Files.createDirectories(work.resolve("category"));
        StringBuilder train = new StringBuilder("a,colour,label\n");
        Random random = new Random(4);
        for (int row = 0; row < 200; row++) {
            boolean red = random.nextBoolean();
            train.append(String.format(Locale.ROOT, "%.3f,%s,%s%n", random.nextGaussian() + (red ? 1 : -1),
                    red ? "red" : "green", red ? "yes" : "no"));
        }
        Files.writeString(folder.resolve("train.csv"), train);
        Files.writeString(folder.resolve("colours.yaml"), """
                name: colours
                data:
                  specific: {type: csv, path: train.csv, features: [a, colour], categorical: [colour]}
                model: {type: mlp, hidden: [4]}
                strategy: {type: supervised, epochs: 1}
                """);
        Launcher.run(folder, "run", "colours.yaml", "--runs", "runs").assertExit(0);
        Path run = RunRecord.latestIn(folder.resolve("runs")).folder();
        Path known = Files.writeString(folder.resolve("known.csv"), "a,colour,specific\n0.5,red,yes\n-0.5,green,no\n");
        Launcher.run(folder, "predict", run.toString(), "--data", known.toString(), "--out", "known-predictions.csv")
                .assertExit(0).assertOutContains("specific accuracy ");
        Path unseen = Files.writeString(folder.resolve("unseen.csv"), "a,colour\n0.5,red\n0.1,blue\n");
        Launcher.run(folder, "predict", run.toString(), "--data", unseen.toString())
                .assertExit(2).assertErrContains("unseen.csv: row 3, column colour: category \"blue\" was never seen in training; "
                        + "the model knows [green, red]");
    }

    @Test
    void imagesArePredictedWithOrWithoutLabelsAndAnotherSizeIsBadInput() throws Exception {
        Path folder = Files.createDirectories(work.resolve("images"));
        idx(folder, "train", 120, 8);
        idx(folder, "small", 10, 6);
        Files.writeString(folder.resolve("images.yaml"), """
                name: images
                data:
                  specific: {type: idx, images: train-images.idx, labels: train-labels.idx}
                model: {type: mlp, hidden: [4]}
                strategy: {type: supervised, epochs: 1}
                """);
        Launcher.run(folder, "run", "images.yaml", "--runs", "runs").assertExit(0);
        Path run = RunRecord.latestIn(folder.resolve("runs")).folder();
        Launcher.run(folder, "predict", run.toString(), "--data", "train-images.idx", "--labels", "train-labels.idx",
                "--out", "labelled.csv").assertExit(0).assertOutContains("120 rows predicted in ").assertOutContains("specific accuracy ");
        CliResult unlabelled = Launcher.run(folder, "predict", run.toString(), "--data", "train-images.idx", "--out", "unlabelled.csv");
        unlabelled.assertExit(0).assertOutContains("120 rows predicted in ");
        assertFalse(unlabelled.out().contains("accuracy"), unlabelled.all());
        assertTrue(Files.readAllLines(folder.resolve("unlabelled.csv")).get(2).startsWith("train-images.idx#1,"),
                "an image's id is its file and record");
        assertEquals(Files.readString(folder.resolve("labelled.csv")), Files.readString(folder.resolve("unlabelled.csv")),
                "the same images get the same predictions whether their labels are known or not");
        Launcher.run(folder, "predict", run.toString(), "--data", "small-images.idx", "--labels", "small-labels.idx")
                .assertExit(2).assertErrContains("the rows are 1x6x6 (channels x height x width), but the model takes images of 1x8x8");
    }

    /** IDX files of {@code count} random {@code size}x{@code size} images and their labels, two classes (LeCun's MNIST format). */
    private static void idx(Path folder, String name, int count, int size) throws IOException {
        Random random = new Random(count);
        ByteArrayOutputStream images = new ByteArrayOutputStream();
        ByteArrayOutputStream labels = new ByteArrayOutputStream();
        try (DataOutputStream image = new DataOutputStream(images); DataOutputStream label = new DataOutputStream(labels)) {
            image.writeInt(0x00000803);
            image.writeInt(count);
            image.writeInt(size);
            image.writeInt(size);
            label.writeInt(0x00000801);
            label.writeInt(count);
            for (int i = 0; i < count; i++) {
                int c = i % 2;
                for (int p = 0; p < size * size; p++) {
                    image.writeByte(random.nextInt(128) + (c == 1 && p < size * size / 2 ? 127 : 0));
                }
                label.writeByte(c);
            }
        }
        Files.write(folder.resolve(name + "-images.idx"), images.toByteArray());
        Files.write(folder.resolve(name + "-labels.idx"), labels.toByteArray());
    }
}
