package dev.fulcrum.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.core.pipeline.RunProgress;
import dev.fulcrum.core.pipeline.SavedRun;
import dev.fulcrum.core.review.CrossFitting;
import dev.fulcrum.testkit.CliResult;
import dev.fulcrum.testkit.IdxImages;
import dev.fulcrum.testkit.RunRecord;
import dev.fulcrum.testkit.TestHost;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code fulcrum review} through the real launcher on a small IDX run whose training labels have planted flips: the
 * file's columns and order, label issues against the flips and the random baseline, cross-fitting's out-of-fold
 * guarantee (in-process, on the real plugins), uncertain with --diverse, --pool, the page's thumbnails, and bad input.
 */
class ReviewIT {

    private static final int IMAGES = 360;
    private static final int CLASSES = 3;
    private static final String PIPELINE = """
            name: reviewed
            seed: 4
            data:
              specific: {type: idx, images: train-images-idx3-ubyte.gz, labels: noisy-labels-idx1-ubyte, class-names: [a, b, c]}
            split: {validation: 0.1, test: 0.1}
            model: {type: mlp, hidden: [16]}
            strategy: {type: supervised, epochs: 12, batch-size: 16, learning-rate: 0.01}
            """;
    private static final List<String> COLUMNS = List.of("id", "task", "split", "given-label", "predicted-label", "probability",
            "score", "reason", "action", "new-label", "weight", "annotator", "note");

    @TempDir
    static Path work;
    static RunRecord run;
    static Set<String> flipped = new HashSet<>();
    /** In-process commands on the bundled plugins, for all but the first review (which goes through bin/fulcrum). */
    static TestHost host;

    @BeforeAll
    static void aRunOnImagesWithFlippedLabels() throws Exception {
        IdxImages.Files files = IdxImages.write(work, "train", IMAGES, 8, CLASSES, 1, true);
        byte[] labels = new byte[IMAGES];
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < IMAGES; i++) {
            labels[i] = (byte) (i % CLASSES);
            if (random.nextDouble() < 0.1) {
                labels[i] = (byte) ((i % CLASSES + 1 + random.nextInt(CLASSES - 1)) % CLASSES);
                flipped.add(files.images().getFileName() + "#" + i);
            }
        }
        IdxImages.write(work.resolve("noisy-labels-idx1-ubyte"), IdxImages.bytes(labels, IMAGES), false);
        Path pipeline = Files.writeString(work.resolve("reviewed.yaml"), PIPELINE);
        run = Launcher.runPipeline(work, pipeline, "runs");
        host = TestHost.withJars(Launcher.pluginJars());
    }

    @AfterAll
    static void closeTheHost() {
        host.close();
    }

    /** The CSV's lines as maps from column to value (RFC 4180: quoted fields may hold commas). */
    private static List<Map<String, String>> read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        assertEquals(COLUMNS, fields(lines.get(0)));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> fields = fields(line);
            assertEquals(COLUMNS.size(), fields.size(), line);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < COLUMNS.size(); i++) {
                row.put(COLUMNS.get(i), fields.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    /** {@code fulcrum review RUN ARGS...} in-process. */
    private static CliResult review(String... args) {
        List<String> command = new ArrayList<>(List.of("review", run.folder().toString()));
        command.addAll(List.of(args));
        return host.cli(command.toArray(String[]::new));
    }

    private static void assertSortedByScoreWithEmptyExpertColumns(List<Map<String, String>> rows) {
        for (int i = 0; i < rows.size(); i++) {
            for (String column : COLUMNS.subList(8, COLUMNS.size())) {
                assertEquals("", rows.get(i).get(column), column);
            }
            if (i > 0) {
                assertTrue(Double.parseDouble(rows.get(i - 1).get("score")) >= Double.parseDouble(rows.get(i).get("score")), "row " + i);
            }
        }
    }

    private static double precision(List<Map<String, String>> rows) {
        return rows.stream().filter(row -> flipped.contains(row.get("id"))).count() / (double) rows.size();
    }

    @Test
    void labelIssuesFlagThePlantedFlipsFarBetterThanRandomAndThePageShowsEachRow() throws Exception {
        CliResult result = Launcher.run(work, "review", run.folder().toString(), "--task", "specific", "--folds", "3").assertExit(0);
        assertTrue(result.out().contains("label-issues: "), result.out());
        JsonNode labelIssues = new ObjectMapper().readTree(run.folder().resolve("review.json").toFile());
        assertEquals("label-issues", labelIssues.path("query").asText());
        assertEquals(3, labelIssues.path("folds").asInt());
        assertEquals("review.csv", labelIssues.path("csv").asText());
        List<Map<String, String>> flagged = read(run.folder().resolve("review.csv"));
        assertFalse(flagged.isEmpty());
        assertSortedByScoreWithEmptyExpertColumns(flagged);
        for (Map<String, String> row : flagged) {
            assertEquals("specific", row.get("task"));
            assertEquals("train", row.get("split"));
            assertTrue(List.of("a", "b", "c").contains(row.get("given-label")), row.toString());
            assertTrue(row.get("reason").startsWith("given " + row.get("given-label") + ", out-of-fold p(" + row.get("given-label") + ")="), row.toString());
        }
        review("--task", "specific", "--query", "random", "--top", Integer.toString(flagged.size()), "--out",
                work.resolve("random.csv").toString()).assertExit(0);
        double random = precision(read(work.resolve("random.csv")));
        double precision = precision(flagged);
        assertTrue(precision > random + 0.3 && precision > 0.5, "label-issues precision " + precision + ", random " + random
                + " (" + flagged.size() + " flagged)");

        Document page = Jsoup.parse(run.folder().resolve("review.html").toFile(), "UTF-8");
        assertEquals(flagged.size(), page.select("#review-table tbody tr").size());
        assertEquals(flagged.size(), page.select("#review-table tbody tr img[src^=data:image/png;base64,]").size());
        assertEquals(flagged.get(0).get("id"), page.select("#review-table tbody tr").first().attr("data-id"));

        JsonNode record = new ObjectMapper().readTree(run.folder().resolve("review.json").toFile());
        assertEquals("random", record.path("query").asText(), "review.json records the latest review");
        Document report = Jsoup.parse(run.folder().resolve("report.html").toFile(), "UTF-8");
        assertEquals(Math.min(10, flagged.size()), report.select("#review-rows tbody tr").size());
    }

    /** Each fold's run trained on every training row but its own fold's, and its model scored exactly that fold. */
    @Test
    void crossFittingNeverScoresARowWithAModelThatTrainedOnIt() {
        SavedRun saved = SavedRun.read(run.folder());
        RunProgress quiet = RunProgress.SILENT;
        Dataset raw = saved.splitRawRows(host.host(), quiet);
        Set<String> training = Arrays.stream(raw.labelledRows("specific", Partition.TRAIN)).mapToObj(raw::id).collect(Collectors.toSet());
        CrossFitting.Result result = CrossFitting.run(host.host(), saved, raw, "specific", 2, 0, quiet, quiet);
        Set<String> scored = new HashSet<>();
        for (CrossFitting.Fold fold : result.folds()) {
            Set<String> trained = new HashSet<>(fold.trained());
            Set<String> own = new HashSet<>(fold.scored());
            assertTrue(own.stream().noneMatch(trained::contains), "fold " + fold.index());
            Set<String> rest = new HashSet<>(training);
            rest.removeAll(own);
            assertEquals(rest, trained, "fold " + fold.index() + " trains on every other training row");
            scored.addAll(own);
        }
        assertEquals(training, scored, "every training row is scored once");
        assertEquals(training.size(), result.probabilities().length);
    }

    @Test
    void uncertainWithDiverseTakesOneRowFromEachOfKClusters() throws Exception {
        review("--task", "specific", "--query", "uncertain", "--diverse", "--top", "6", "--out", work.resolve("diverse.csv").toString())
                .assertExit(0);
        List<Map<String, String>> rows = read(work.resolve("diverse.csv"));
        assertEquals(6, rows.size());
        assertSortedByScoreWithEmptyExpertColumns(rows);
        Set<String> clusters = new HashSet<>();
        for (Map<String, String> row : rows) {
            assertTrue(row.get("reason").startsWith("margin p("), row.toString());
            clusters.add(row.get("reason").replaceAll(".*cluster (\\d+) of 6.*", "$1"));
        }
        assertEquals(6, clusters.size(), rows.toString());
        assertTrue(Files.isRegularFile(work.resolve("diverse.html")));
    }

    @Test
    void aPoolIsReviewedWithoutTheRowsTheRunAlreadyHas() throws Exception {
        IdxImages.Files pool = IdxImages.write(work.resolve("pool"), "new", 40, 8, CLASSES, 2, false);
        review("--task", "specific", "--query", "random", "--top", "10", "--pool", pool.images().toString(), "--out",
                work.resolve("pool.csv").toString()).assertExit(0);
        List<Map<String, String>> rows = read(work.resolve("pool.csv"));
        assertEquals(10, rows.size());
        for (Map<String, String> row : rows) {
            assertEquals("pool", row.get("split"));
            assertEquals("", row.get("given-label"));
            assertTrue(row.get("id").startsWith("new-images-idx3-ubyte#"), row.toString());
        }
        review("--task", "specific", "--query", "uncertain", "--pool", work.resolve("train-images-idx3-ubyte.gz").toString())
                .assertExit(2).assertErrContains("every row's id is already among the run's specific rows");
        review("--task", "specific", "--pool", pool.images().toString()).assertExit(2)
                .assertErrContains("--query label-issues needs given labels, and --pool rows have none");
    }

    @Test
    void badInputExitsTwoWithAClearMessage() throws Exception {
        host.cli("review", work.toString(), "--task", "specific").assertExit(2).assertErrContains("not a run folder");
        Path copy = Files.createDirectories(work.resolve("no-model"));
        for (String file : List.of("summary.json", "config.yaml")) {
            Files.copy(run.folder().resolve(file), copy.resolve(file));
        }
        host.cli("review", copy.toString(), "--task", "specific").assertExit(2).assertErrContains("it has no model.zip");
        review("--task", "general").assertExit(2).assertErrContains("has no general task");
        review("--task", "other").assertExit(2).assertErrContains("--task: expected specific or general");
        review("--task", "specific", "--top", "0").assertExit(2).assertErrContains("--top: must be at least 1, got 0");
        review("--task", "specific", "--folds", "1").assertExit(2).assertErrContains("--folds: must be at least 2");
        review("--task", "specific", "--folds", "500").assertExit(2).assertErrContains("fewer than the folds");
        review("--task", "specific", "--query", "random", "--pool", work.resolve("missing.csv").toString()).assertExit(2)
                .assertErrContains("missing.csv: no such file");
        review("--task", "specific", "--query", "best").assertExit(2).assertErrContains("--query: expected label-issues, uncertain or random");
        assertFalse(Files.exists(run.folder().resolve("review.csv.partial")));
    }
}
