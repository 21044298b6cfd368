package dev.fulcrum.plugins.supervised;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.testkit.CliResult;
import dev.fulcrum.testkit.RunRecord;
import dev.fulcrum.testkit.TestHost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What runs cost ({@code resources}), budgets and {@code compare --efficiency}, on real runs of synthetic data. */
class ResourcesAndBudgetIT {

    private static final String PIPELINE = """
            name: budget-it
            seed: 4
            data:
              specific: {type: synthetic, rows: 1200}
            model: {type: mlp, hidden: [32, 16]}
            strategy: {type: supervised, epochs: 10, batch-size: 32, learning-rate: 0.003}
            """;

    private static TestHost host;

    @BeforeAll
    static void start() {
        host = TestHost.forBuiltPlugin();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void everyRunRecordsItsParametersFlopsAndMemoryPeaks() {
        RunRecord run = host.runSucceeding(PIPELINE, "strategy.epochs=2");
        JsonNode summary = run.summary();
        JsonNode resources = summary.get("resources");
        long features = summary.at("/data/features").asLong();
        long specific = summary.at("/data/tasks/specific/classes").size();
        long general = summary.at("/data/tasks/general/classes").size();
        long trunk = features * 32 + 32 + 32 * 16 + 16;
        assertEquals(trunk + 16 * specific + specific + 16 * general + general, resources.at("/parameters/total").asLong(),
                resources.toPrettyString());
        assertEquals(trunk + 16 * specific + specific, resources.at("/parameters/phases/0/trainable").asLong(),
                "supervised trains the specific task: the general head's rate is 0");
        long forward = 2 * (features * 32 + 32 * 16 + 16 * specific + 16 * general) + 32 + 16 + specific + general;
        assertEquals(forward, resources.at("/forward_flops_per_sample/total").asLong());
        assertEquals(List.of("dense-1", "dense-2", "specific", "general"), resources.at("/forward_flops_per_sample/layers")
                .findValuesAsText("layer"));
        long samples = 2 * summary.at("/data/tasks/specific/labelled/train").asLong();
        assertEquals(samples, resources.at("/training/samples").asLong());
        assertEquals(3.0 * forward * samples, resources.at("/training/flops").asDouble());
        assertTrue(resources.at("/training/phases/0/samples_per_second").asDouble() > 0);
        long machine = resources.at("/machine/memory_bytes").asLong();
        for (String peak : List.of("heap_peak_bytes", "physical_peak_bytes", "process_peak_rss_bytes")) {
            long bytes = resources.at("/memory/" + peak).asLong();
            assertTrue(bytes > 0 && bytes < machine, peak + " " + bytes + " of " + machine);
        }
        // resident memory outside the JVM's committed pools: 0 where this test JVM has committed more heap than is resident
        long offHeap = resources.at("/memory/offheap_peak_bytes").asLong();
        assertTrue(offHeap >= 0 && offHeap < resources.at("/memory/physical_peak_bytes").asLong(), "offheap " + offHeap);
        assertTrue(resources.at("/machine/cpu").asText().length() > 0);
        assertTrue(resources.at("/machine/threads/cores").asInt() >= 1);
        assertTrue(resources.get("budget").isNull());
        assertEquals(1, resources.at("/training/phases/0/blas_threads").asInt(), "batches of 32 rows fit on one OpenBLAS thread");
        assertEquals("nd4j-native", resources.at("/machine/native/build").asText().split(" ")[0]);
    }

    @Test
    void largeBatchesFitOnEveryOpenBlasThreadTheProcessHas() {
        JsonNode resources = host.runSucceeding(PIPELINE, "strategy.epochs=1", "strategy.batch-size=600").summary().get("resources");
        assertEquals(resources.at("/machine/threads/blas_threads").asInt(), resources.at("/training/phases/0/blas_threads").asInt(),
                resources.get("machine").toString());
    }

    @Test
    void withBlasThreadsAutoEachLargeEnoughPhaseFitsOnTheCountThatFittedItsOwnMiniBatchesFaster() {
        System.setProperty("fulcrum.blas.threads", "auto");
        try {
            // 10000 rows leave about 78 mini-batches of 32 per epoch for the specific task: enough to time; 1200 leave fewer than 72
            JsonNode timed = host.runSucceeding(PIPELINE, "strategy.epochs=2", "data.specific.rows=10000").summary().get("resources");
            JsonNode small = host.runSucceeding(PIPELINE, "strategy.epochs=2").summary().get("resources");
            int blas = timed.at("/machine/threads/blas_threads").asInt();
            JsonNode phase = timed.at("/training/phases/0");
            if (blas > 1) {
                JsonNode measured = phase.get("blas_threads_measured");
                assertEquals(List.of("1", String.valueOf(blas)), fieldNames(measured), phase.toString());
                double one = measured.get("1").asDouble();
                double many = measured.get(String.valueOf(blas)).asDouble();
                assertTrue(one > 0 && many > 0, measured.toString());
                assertEquals(many > one ? blas : 1, phase.get("blas_threads").asInt(), phase.toString());
                assertTrue(timed.at("/machine/threads/blas_threads_fitting").asText().startsWith("measured in each phase of 73 or more"),
                        timed.at("/machine/threads").toString());
            } else {
                assertTrue(phase.get("blas_threads_measured").isNull(), "one OpenBLAS thread leaves nothing to choose: " + phase);
            }
            assertTrue(small.at("/training/phases/0/blas_threads_measured").isNull(), small.at("/training/phases/0").toString());
            assertEquals(1, small.at("/training/phases/0/blas_threads").asInt(), "too few batches to time: the rule for 32 rows");
        } finally {
            System.clearProperty("fulcrum.blas.threads");
        }
    }

    @Test
    void aBlasThreadsValueThatIsNeitherANumberNorAutoIsBadInput() {
        Path pipeline = host.writeFile("pipelines/threads.yaml", PIPELINE);
        System.setProperty("fulcrum.blas.threads", "fast");
        List<Path> before = runFolders();
        try {
            host.cli("run", pipeline.toString()).assertExit(2)
                    .assertErrContains("-Dfulcrum.blas.threads=fast: give a number of threads (1 or more) or auto");
            assertEquals(before, runFolders(), "the command stops before it writes a run folder");
        } finally {
            System.clearProperty("fulcrum.blas.threads");
        }
    }

    private static List<Path> runFolders() {
        if (!Files.isDirectory(host.runsFolder())) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> folders = Files.list(host.runsFolder())) {
            return folders.sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aSamplesBudgetStopsTrainingAfterTheEpochItRanOutInAndTheRunSucceedsWithItsModel() {
        RunRecord run = host.runSucceeding(PIPELINE, "budget={samples: 2000}");
        JsonNode summary = run.summary();
        long perEpoch = summary.at("/data/tasks/specific/labelled/train").asLong();
        int epochs = (int) ((2000 + perEpoch - 1) / perEpoch);
        assertTrue(epochs < 10, "the budget ends training before the strategy's 10 epochs: " + epochs);
        assertEquals(epochs, summary.at("/training/phases/0/epochs_run").asInt());
        assertEquals(epochs, run.validationLines().size());
        JsonNode budget = summary.at("/resources/budget");
        assertEquals("samples", budget.get("stopped_by").asText(), budget.toPrettyString());
        assertEquals("supervised", budget.at("/stopped_at/phase").asText());
        assertEquals(epochs, budget.at("/stopped_at/epoch").asInt());
        assertEquals(2000, budget.get("samples").asLong());
        assertTrue(budget.get("seconds").isNull());
        assertEquals(epochs * perEpoch, budget.at("/spent/samples").asLong());
        assertEquals(summary.at("/resources/training/flops").asDouble(), budget.at("/spent/flops").asDouble(), 1e-6);
        assertTrue(Files.isRegularFile(run.model()));
        assertTrue(run.config().contains("budget:"), run.config());
    }

    @Test
    void aBudgetTooSmallForOneEpochIsBadInputNamingItsPath() {
        Path pipeline = host.writeFile("pipelines/too-small.yaml", PIPELINE + "budget: {samples: 10}\n");
        CliResult result = host.cli("run", pipeline.toString()).assertExit(2);
        result.assertErrContains(pipeline + ":7: budget.samples: 10 samples are less than one epoch of phase supervised (");
        CliResult empty = host.cli("validate", pipeline.toString(), "--set", "budget={}").assertExit(2);
        empty.assertErrContains("budget.seconds: a budget gives seconds, samples or flops (any of them); this one gives none");
    }

    @Test
    void compareEfficiencyMarksTheCheapestRunWithinTheToleranceOfTheBest() {
        List<RunRecord> runs = IntStream.of(1, 4, 10).mapToObj(epochs -> host.runSucceeding(PIPELINE, "strategy.epochs=" + epochs))
                .toList();
        String[] folders = runs.stream().map(run -> run.folder().toString()).toArray(String[]::new);
        double[] specific = runs.stream().mapToDouble(run -> run.number("balance", "specific")).toArray();
        double best = java.util.Arrays.stream(specific).max().orElseThrow();
        // fewest epochs, fewest FLOPs: the first run within the tolerance, in this order, is the choice
        int withinHalfPoint = IntStream.range(0, 3).filter(i -> specific[i] >= best - 0.005 - 1e-12).findFirst().orElseThrow();

        Path page = host.root().resolve("compare.html");
        CliResult near = compare(concat(new String[] {"compare", "--efficiency", "--html", page.toString()}, folders)).assertExit(0);
        near.assertOutContains("within 0.5 points of the best test accuracy");
        near.assertOutContains("  specific: " + runs.get(withinHalfPoint).folder().getFileName() + " (");
        CliResult any = compare(concat(new String[] {"compare", "--efficiency", "--tolerance", "100"}, folders)).assertExit(0);
        any.assertOutContains("  specific: " + runs.get(0).folder().getFileName() + " (");
        String header = near.out().lines().findFirst().orElseThrow();
        assertTrue(header.contains("params") && header.contains("train_flops") && header.contains("peak_mib")
                && header.endsWith("efficient"), header);
        String html = readString(page);
        assertTrue(html.contains("<th class=\"label\">efficient</th>") && html.contains("<th>training FLOPs</th>"), html);
        compare("compare", "--tolerance", "1", folders[0]).assertExit(2)
                .assertErrContains("--tolerance: only means something with --efficiency");
    }

    /** The launcher's {@code compare}, which takes no --plugins or --runs. */
    private static CliResult compare(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = dev.fulcrum.core.cli.FulcrumCli.execute(args, new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true));
        return new CliResult(code, out.toString(), err.toString());
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
