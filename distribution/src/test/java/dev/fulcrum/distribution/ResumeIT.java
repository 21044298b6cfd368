package dev.fulcrum.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.testkit.CliResult;
import dev.fulcrum.testkit.RunRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.LinkedHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Determinism and {@code fulcrum run --resume} through the real launcher: every process here is a fresh JVM,
 * killed with SIGKILL by the crash hook ({@code -Dfulcrum.crash.at-batch}, {@code -Dfulcrum.crash.after-bytes})
 * at chosen points, then resumed in another.
 */
class ResumeIT {

    /**
     * Pre-training (6 batches an epoch), then fine-tuning (8 an epoch) with gradual unfreezing (the layer rates,
     * and so DL4J's updater blocks, change every 2 epochs), discriminative rates, early stopping and dropout; a
 * checkpoint at every epoch however short.
     */
    private static final String PIPELINE = """
            name: resume
            seed: 11
            data:
              specific: {type: synthetic, rows: 500}
            model: {type: mlp, hidden: [12, 8], dropout: 0.1}
            strategy:
              type: pretrain-finetune
              pretrain-epochs: 3
              pretrain-batch-size: 32
              epochs: 6
              batch-size: 16
              unfreeze-every: 2
              lr-decay: 2
              early-stopping: {metric: specific.accuracy, patience: 3}
            checkpoint: {seconds: 0}
            """;
    private static final int BATCHES = 3 * 6 + 6 * 8;
    private static final int KILLED = 137;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;
    static Path pipeline;
    static RunRecord uninterrupted;

    @BeforeAll
    static void runOnceUninterrupted() throws Exception {
        pipeline = Files.writeString(work.resolve("resume.yaml"), PIPELINE);
        uninterrupted = Launcher.runPipeline(work, pipeline, "uninterrupted");
        assertEquals(BATCHES, uninterrupted.trainLines().stream()
                .mapToInt(line -> (line.path("rows").asInt() + batchSize(line) - 1) / batchSize(line)).sum());
    }

    private static int batchSize(JsonNode trainLine) {
        return trainLine.path("phase").asText().equals("pretrain") ? 32 : 16;
    }

    @Test
    void twoFreshProcessesMakeTheSameBytes() throws Exception {
        RunRecord first = Launcher.runPipeline(work, pipeline, "same-1", "--set", "checkpoint.keep=true");
        RunRecord second = Launcher.runPipeline(work, pipeline, "same-2", "--set", "checkpoint.keep=true");
        for (String entry : List.of("arrays/params", "arrays/updater")) {
            byte[] saved = entry(first.folder().resolve("checkpoints/phase-1.zip"), entry);
            assertTrue(saved.length > 1000, entry);
            assertArrayEquals(saved, entry(second.folder().resolve("checkpoints/phase-1.zip"), entry), entry);
        }
        assertSameArtefacts(first.folder(), second.folder());
        assertEquals(metricLines(uninterrupted.folder()), metricLines(first.folder()), "checkpoints kept or not, the same training");
    }

    @Test
    void aRunKilledAtTenPointsAndResumedEndsAsTheUninterruptedOne() throws Exception {
        Random random = new Random(2026);
        List<String> points = new ArrayList<>(List.of("at-batch=1", "at-batch=6", "at-batch=7", "at-batch=" + BATCHES,
                "after-bytes=epoch.zip:300", "after-bytes=phase-0.zip:2000", "after-bytes=summary.json:40"));
        while (points.size() < 10) {
            points.add("at-batch=" + (2 + random.nextInt(BATCHES - 2)));
        }
        for (String point : points) {
            Path runs = work.resolve("killed-" + point.replaceAll("[^a-z0-9]", "-"));
            CliResult killed = run(work, "-Dfulcrum.crash." + point, "run", pipeline.toString(), "--runs", runs.toString());
            assertEquals(KILLED, killed.exitCode(), point + ": " + killed.all());
            Path folder = onlyRunIn(runs);
            Launcher.run(work, "run", "--resume", folder.toString()).assertExit(0).assertOutContains("run succeeded");
            assertSameArtefacts(uninterrupted.folder(), folder);
        }
    }

    @Test
    void aRunKilledFiveTimesInARowStillEndsAsTheUninterruptedOne() throws Exception {
        Path runs = work.resolve("five-kills");
        assertEquals(KILLED, run(work, "-Dfulcrum.crash.at-batch=10", "run", pipeline.toString(), "--runs", runs.toString())
                .exitCode());
        Path folder = onlyRunIn(runs);
        // Every process lives longer than an epoch (at most 8 batches), so each one adds a checkpoint.
        for (int batch : new int[] {9, 12, 10, 11}) {
            assertEquals(KILLED, run(work, "-Dfulcrum.crash.at-batch=" + batch, "run", "--resume", folder.toString()).exitCode());
        }
        Launcher.run(work, "run", "--resume", folder.toString()).assertExit(0);
        assertSameArtefacts(uninterrupted.folder(), folder);
    }

    @Test
    void anEnsembleKilledInItsSecondMemberResumesThere() throws Exception {
        RunRecord whole = Launcher.runPipeline(work, pipeline, "ensemble", "--set", "ensemble={members: 2}");
        Path runs = work.resolve("ensemble-killed");
        assertEquals(KILLED, run(work, "-Dfulcrum.crash.at-batch=" + (BATCHES + 30), "run", pipeline.toString(), "--runs",
                runs.toString(), "--set", "ensemble={members: 2}").exitCode());
        Path folder = onlyRunIn(runs);
        assertTrue(Files.exists(folder.resolve("members/1/model.zip")));
        Launcher.run(work, "run", "--resume", folder.toString()).assertExit(0);
        assertSameArtefacts(whole.folder(), folder);
        for (String member : List.of("members/1", "members/2")) {
            assertSameArtefacts(whole.folder().resolve(member), folder.resolve(member));
        }
        JsonNode resumedFrom = RunRecord.at(folder).provenance().path("resumed_from");
        assertEquals("members/2", resumedFrom.get(resumedFrom.size() - 1).path("folder").asText(), resumedFrom.toString());
    }

    @Test
    void aResumeWithAnotherSeedConfigOrPluginJarIsRefusedNamingIt() throws Exception {
        Path plugins = Launcher.copyOfBundledPlugins(work.resolve("own-plugins"));
        Path runs = work.resolve("refused");
        assertEquals(KILLED, run(work, "-Dfulcrum.crash.at-batch=20", "run", pipeline.toString(), "--runs", runs.toString(),
                "--plugins", plugins.toString()).exitCode());
        Path folder = onlyRunIn(runs);
        String resume = folder.toString();
        Launcher.run(work, "run", "--plugins", plugins.toString(), "--resume", resume, "--seed", "12")
                .assertExit(2).assertErrContains("seed: 11 -> 12");
        Launcher.run(work, "run", "--plugins", plugins.toString(), "--resume", resume, "--set", "model.hidden=[12, 9]")
                .assertExit(2).assertErrContains("config model.hidden");
        Path jar;
        try (Stream<Path> jars = Files.list(plugins)) {
            jar = jars.filter(file -> file.getFileName().toString().contains("pretrain-finetune")).findFirst().orElseThrow();
        }
        addEntry(jar, "NOTICE-extra.txt");
        Launcher.run(work, "run", "--plugins", plugins.toString(), "--resume", resume)
                .assertExit(2).assertErrContains("plugin pretrain-finetune: ").assertErrContains("--force");
        assertFalse(Files.exists(folder.resolve("summary.json")), "a refused resume writes nothing");
        Launcher.run(work, "run", "--plugins", plugins.toString(), "--resume", resume, "--force").assertExit(0);
    }

    @Test
    void resumingAnEndedRunChangesNothingButTidiesWhatAKilledProcessLeft() throws Exception {
        RunRecord ended = Launcher.runPipeline(work, pipeline, "ended");
        Path folder = ended.folder();
        byte[] model = Files.readAllBytes(folder.resolve("model.zip"));
        byte[] summary = Files.readAllBytes(folder.resolve("summary.json"));
        Files.createDirectories(folder.resolve("checkpoints"));
        Files.writeString(folder.resolve("checkpoints/phase-0.zip"), "left by a process killed before it removed it");
        Files.writeString(folder.resolve(".report.html123.partial"), "half a file");
        Launcher.run(work, "run", "--resume", folder.toString()).assertExit(0).assertOutContains("nothing to resume");
        assertArrayEquals(model, Files.readAllBytes(folder.resolve("model.zip")));
        assertArrayEquals(summary, Files.readAllBytes(folder.resolve("summary.json")));
        assertFalse(Files.exists(folder.resolve("checkpoints")));
        assertFalse(Files.exists(folder.resolve(".report.html123.partial")));
    }

    /** The one run folder under {@code runs}, a killed run's (which has no summary yet). */
    private static Path onlyRunIn(Path runs) throws IOException {
        try (Stream<Path> folders = Files.list(runs)) {
            List<Path> all = folders.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    /** The launcher with a crash hook among its JVM options. */
    private static CliResult run(Path workingFolder, String javaOption, String... args) throws IOException, InterruptedException {
        ProcessBuilder builder = Launcher.command(workingFolder, args);
        builder.environment().put("FULCRUM_JAVA_OPTS", javaOption);
        return ChildProcess.run(builder, Duration.ofMinutes(5));
    }

    /**
     * The files an uninterrupted run ends with: {@code model.zip} and {@code theta0.zip} byte for byte, every
     * {@code metrics.jsonl} line and the summary but for wall-clock and folder fields, no checkpoint and no
     * temporary file left.
     */
    private static void assertSameArtefacts(Path expected, Path actual) throws IOException {
        for (String file : List.of("model.zip", "theta0.zip")) {
            if (Files.exists(expected.resolve(file))) {
                assertArrayEquals(Files.readAllBytes(expected.resolve(file)), Files.readAllBytes(actual.resolve(file)),
                        actual + ": " + file);
            }
        }
        if (Files.exists(expected.resolve("metrics.jsonl"))) {
            assertEquals(metricLines(expected), metricLines(actual), actual + ": metrics.jsonl");
        }
        if (Files.exists(expected.resolve("summary.json"))) {
            assertEquals(summaryWithoutClocks(expected), summaryWithoutClocks(actual), actual + ": summary.json");
        }
        if (!Files.exists(expected.resolve("checkpoints"))) {
            assertFalse(Files.exists(actual.resolve("checkpoints")), actual + ": checkpoints left");
        }
        try (Stream<Path> files = Files.walk(actual)) {
            assertEquals(List.of(), files.filter(file -> file.getFileName().toString().endsWith(".partial")).toList());
        }
    }

    private static List<JsonNode> metricLines(Path folder) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(folder.resolve("metrics.jsonl"))) {
            ObjectNode node = (ObjectNode) JSON.readTree(line);
            node.remove(List.of("seconds", "fit_seconds", "batching_seconds", "samples_per_second"));
            lines.add(node);
        }
        return lines;
    }

    private static JsonNode summaryWithoutClocks(Path folder) throws IOException {
        ObjectNode summary = (ObjectNode) JSON.readTree(folder.resolve("summary.json").toFile());
        summary.remove(List.of("run", "timing", "resources"));
        ((ObjectNode) summary.path("training")).remove("checkpoints");
        removeSeconds(summary);
        return summary;
    }

    private static void removeSeconds(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("seconds");
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
            removeSeconds(children.next());
        }
    }

    private static byte[] entry(Path zip, String name) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ZipEntry entry = file.getEntry(name);
            try (InputStream in = file.getInputStream(entry)) {
                return in.readAllBytes();
            }
        }
    }

    /** Rewrites a jar with one more entry: still a valid plugin, with another SHA-256. */
    private static void addEntry(Path jar, String name) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        entries.put(name, "changed since the run started".getBytes());
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream out = new ZipOutputStream(file)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
    }
}
