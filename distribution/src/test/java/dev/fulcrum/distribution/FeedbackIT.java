package dev.fulcrum.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.core.pipeline.ResolvedPipeline;
import dev.fulcrum.core.pipeline.Splitter;
import dev.fulcrum.runtime.Seeds;
import dev.fulcrum.testkit.CliResult;
import dev.fulcrum.testkit.RunRecord;
import dev.fulcrum.testkit.SharedHostTest;
import dev.fulcrum.testkit.TestHost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real pipeline on CSV data with a review file: the launcher applies it after the split, writes the trail,
 * counts it in the summary, hashes it in the provenance, and a replay gives the same metrics; a bad file exits 2.
 */
class FeedbackIT extends SharedHostTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = "id,task,split,given-label,predicted-label,probability,score,reason,action,new-label,weight,annotator,note\n";
    private static final String PIPELINE = """
            name: fed
            seed: 5
            data:
              specific: {type: csv, path: data.csv, label: label}
            model: {type: mlp, hidden: [8]}
            strategy: {type: supervised, epochs: 2}
            """;

    private List<String> train;
    private List<String> test;
    /** Each row's label in the data file, by id. */
    private final Map<String, String> labels = new HashMap<>();

    @Override
    protected TestHost createHost() {
        return TestHost.withJars(Launcher.pluginJars());
    }

    @BeforeAll
    void writeDataAndFindTheSplit() {
        StringBuilder data = new StringBuilder("x1,x2,label\n");
        for (int i = 0; i < 120; i++) {
            data.append(i % 7).append(',').append(i % 5).append(',').append(i % 3 == 0 ? "yes" : "no").append('\n');
        }
        host().writeFile("pipelines/data.csv", data.toString());
        StringBuilder pool = new StringBuilder("x1,x2,label\n");
        for (int i = 0; i < 10; i++) {
            pool.append(i).append(',').append(9 - i).append(i % 2 == 0 ? ",no\n" : ",yes\n");
        }
        host().writeFile("pipelines/pool.csv", pool.toString());
        // The run's own split, as predict --partition draws it: which ids a review may correct, which are test rows.
        ResolvedPipeline resolved = host().validate(PIPELINE);
        Dataset rows = Splitter.split(resolved.specific().component().load(), resolved.split(), Seeds.derive(5, "split"));
        train = new ArrayList<>();
        test = new ArrayList<>();
        // The source's own task (its label column); the run names it specific.
        int[] given = rows.labels(rows.schema().tasks().get(0).name());
        List<String> classes = rows.schema().tasks().get(0).classes();
        for (int row = 0; row < rows.rows(); row++) {
            labels.put(rows.id(row), classes.get(given[row]));
            (rows.partition(row) == Partition.TRAIN ? train : rows.partition(row) == Partition.TEST ? test : new ArrayList<String>())
                    .add(rows.id(row));
        }
    }

    private String review() {
        return HEADER
                + train.get(0) + ",specific,train,no,yes,0.9,0.8,label-issues,relabel,yes,,kim,clearly yes\n"
                + train.get(1) + ",specific,train,no,yes,0.9,0.7,label-issues,relabel,yes,,kim,\n"
                + train.get(2) + ",specific,train,no,yes,0.9,0.6,label-issues,exclude,,,kim,blurred\n"
                + train.get(3) + ",specific,train,no,no,0.6,0.5,uncertain,reweight,,0.5,kim,\n"
                + train.get(4) + ",specific,train,no,no,0.6,0.4,uncertain,keep,,,kim,\n"
                + train.get(5) + ",specific,train,no,no,0.6,0.3,random,,,,,\n"
                + "pool.csv#row=3,specific,pool,,yes,0.5,0.9,uncertain,add,yes,,kim,\n"
                + "pool.csv#row=4,specific,pool,,no,0.5,0.8,uncertain,add,no,2,kim,\n";
    }

    private String withFeedback(String file) {
        return PIPELINE + "feedback:\n  - {file: " + file + ", pool: {type: csv, path: pool.csv, label: label}}\n";
    }

    @Test
    void theLauncherAppliesTheReviewRecordsItAndAReplayMeasuresTheSame() throws IOException, InterruptedException {
        Path review = host().writeFile("pipelines/review.csv", review());
        Path pipeline = host().writeFile("pipelines/fed.yaml", withFeedback("review.csv"));
        RunRecord run = Launcher.runPipeline(host().root(), pipeline, "launched");

        List<JsonNode> trail = lines(run.folder().resolve("feedback.jsonl"));
        assertEquals(List.of("relabel", "relabel", "exclude", "reweight", "add", "add"), trail.stream().map(l -> l.get("action").asText()).toList());
        JsonNode first = trail.get(0);
        String sha = sha256Of(run, review);
        assertEquals(List.of(review.toString(), sha, "2", "specific", train.get(0), labels.get(train.get(0)), "yes", "1.0", "1.0", "kim", "clearly yes"),
                List.of(first.get("file").asText(), first.get("sha256").asText(), first.get("line").asText(), first.get("task").asText(),
                        first.get("id").asText(), first.get("old_label").asText(), first.get("new_label").asText(),
                        first.get("old_weight").asText(), first.get("new_weight").asText(), first.get("annotator").asText(),
                        first.get("note").asText()));
        assertTrue(first.get("time").isNull(), "a review file has no timestamps, so a replay writes the same trail");
        assertTrue(trail.get(2).get("new_label").isNull());
        assertEquals(0.5, trail.get(3).get("new_weight").asDouble());
        assertEquals(List.of("pool.csv#row=4", "2.0"), List.of(trail.get(5).get("id").asText(), trail.get(5).get("new_weight").asText()));

        JsonNode feedback = run.summary().get("feedback");
        assertEquals(JSON.readTree("{\"relabel\": 2, \"exclude\": 1, \"reweight\": 1, \"add\": 2, \"keep\": 1}"), feedback.get("changed"));
        JsonNode file = feedback.path("files").get(0);
        assertEquals(List.of(review.toString(), sha, "review", "specific", "7"), List.of(file.get("path").asText(),
                file.get("sha256").asText(), file.get("format").asText(), file.get("task").asText(), file.get("rows").asText()));
        assertEquals(120 - 1 + 2, run.number("data", "rows"));
        assertEquals(train.size() - 1 + 2, run.number("data", "partitions", "train"));
        assertTrue(run.summary().path("timing").path("stages").has("feedback"));
        assertTrue(run.config().contains("feedback:"), run.config());

        // A replay of the same files with the same seed: the same rows, so the same training and the same figures.
        RunRecord replay = host().runSucceeding(Files.readString(pipeline));
        assertEquals(withoutClock(lines(run.folder().resolve("metrics.jsonl"))), withoutClock(lines(replay.folder().resolve("metrics.jsonl"))));
        assertEquals(run.summary().get("metrics"), replay.summary().get("metrics"));
        assertEquals(trail, lines(replay.folder().resolve("feedback.jsonl")));
    }

    /** The corrections file is a run input of its own role in provenance.json; its hash is the trail's. */
    private static String sha256Of(RunRecord run, Path review) {
        for (JsonNode entry : run.provenance().path("data_files")) {
            if (entry.get("path").asText().equals(review.toString())) {
                assertEquals("feedback", entry.get("role").asText());
                return entry.get("sha256").asText();
            }
        }
        throw new AssertionError("provenance.json does not list " + review + ": " + run.provenance());
    }

    @Test
    void aCorrectionOfATestRowExitsTwoNamingTheFileLineAndColumnAndAppliesNothing() {
        Path review = host().writeFile("pipelines/bad-review.csv", review() + test.get(0) + ",specific,test,no,yes,,,,relabel,yes,,kim,\n");
        Path pipeline = host().writeFile("pipelines/bad.yaml", withFeedback("bad-review.csv"));
        CliResult result = host().cli("run", pipeline.toString()).assertExit(2);
        assertTrue(result.err().contains(review + ": row 10, column id: row " + test.get(0) + " is in the test split"), result.all());
        RunRecord failed = RunRecord.latestIn(host().runsFolder());
        assertEquals("invalid_input", failed.summary().path("error").path("kind").asText());
        assertEquals("feedback", failed.summary().path("error").path("stage").asText());
        assertFalse(Files.exists(failed.folder().resolve("feedback.jsonl")), "nothing of the file was applied");
        assertTrue(failed.summary().path("feedback").path("changed").isNull());
    }

    @Test
    void aMalformedFileIsRefusedBeforeAnyRunFolderExists() throws IOException {
        host().writeFile("pipelines/unknown-action.csv", HEADER + train.get(0) + ",specific,train,no,yes,,,,fix,,,,\n");
        Path pipeline = host().writeFile("pipelines/malformed.yaml", withFeedback("unknown-action.csv"));
        List<Path> before = runFolders();
        CliResult result = host().cli("run", pipeline.toString()).assertExit(2);
        assertEquals("error: " + host().root().resolve("pipelines/unknown-action.csv") + ": row 2, column action: unknown action \"fix\"; "
                + "expected keep, relabel, exclude, reweight or add (or nothing)\n", result.err());
        assertEquals(before, runFolders());
    }

    private List<Path> runFolders() throws IOException {
        if (!Files.isDirectory(host().runsFolder())) {
            return List.of();
        }
        try (var folders = Files.list(host().runsFolder())) {
            return folders.sorted().toList();
        }
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static List<JsonNode> withoutClock(List<JsonNode> lines) {
        return lines.stream().map(line -> (JsonNode) ((ObjectNode) line.deepCopy())
                .without(List.of("seconds", "fit_seconds", "batching_seconds", "samples_per_second"))).toList();
    }

}
