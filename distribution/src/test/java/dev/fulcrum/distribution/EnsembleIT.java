package dev.fulcrum.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.testkit.CliResult;
import dev.fulcrum.testkit.RunRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Output ensembles through the real launcher on the bundled plugins: a pipeline's {@code ensemble:}
 * section, and {@code fulcrum ensemble} on saved runs with its refusals.
 */
class EnsembleIT {

    /** Synthetic data with both tasks, a few seconds per member. */
    private static final String PIPELINE = """
            name: small
            data:
              specific: {type: synthetic, rows: 800}
            model: {type: mlp, hidden: [16]}
            strategy: {type: supervised, epochs: 4, tasks: [specific, general]}
            """;

    @TempDir
    static Path work;
    static Path pipeline;
    static RunRecord ensemble;
    static RunRecord plain;

    @BeforeAll
    static void runAnEnsembleAndThePlainPipeline() throws Exception {
        pipeline = Files.writeString(work.resolve("small.yaml"), PIPELINE + "report:\n  - {type: html}\n");
        ensemble = run("ensemble", "--set", "ensemble={members: 3}");
        plain = run("plain");
    }

    private static RunRecord run(String runs, String... settings) throws Exception {
        return Launcher.runPipeline(work, pipeline, runs, settings);
    }

    @Test
    void everyMemberTrainsOnTheSameRowsWithItsOwnSeedAndIsSavedInTheRunFolder() throws Exception {
        JsonNode section = ensemble.summary().path("ensemble");
        assertEquals("seed", section.path("vary").asText());
        assertEquals("soft", section.path("combine").asText());
        assertEquals(3, section.path("members").size());
        Set<Long> seeds = new HashSet<>();
        for (JsonNode member : section.path("members")) {
            Path model = ensemble.folder().resolve(member.path("model").asText());
            assertTrue(Files.isRegularFile(model), model.toString());
            assertEquals(sha256(model), member.path("model_sha256").asText());
            assertTrue(Files.isRegularFile(model.resolveSibling("metrics.jsonl")));
            seeds.add(member.path("seed").asLong());
            for (String task : new String[] {"specific", "general"}) {
                assertEquals(ensemble.metric("test", task, "count"),
                        member.path("metrics").path("test").path(task).path("count").asDouble(), task + ": the same test rows");
                assertTrue(member.path("calibration").path("test").path(task).path("ece").isNumber());
            }
        }
        assertEquals(3, seeds.size(), "each member its own seed: " + seeds);
        assertEquals(ensemble.summary().path("run").path("seed").asLong(), section.path("members").get(0).path("seed").asLong());
        assertFalse(Files.exists(ensemble.folder().resolve("model.zip")), "the members' models are the ensemble's");
        assertTrue(ensemble.config().contains("ensemble:"), ensemble.config());
    }

    @Test
    void memberOneIsThePlainRunOfThePipeline() {
        JsonNode first = ensemble.summary().path("ensemble").path("members").get(0).path("metrics").path("test");
        for (String task : new String[] {"specific", "general"}) {
            assertEquals(plain.metric("test", task, "accuracy"), first.path(task).path("accuracy").asDouble(), task);
            assertEquals(plain.metric("test", task, "loss"), first.path(task).path("loss").asDouble(), 1e-9, task);
        }
        assertTrue(plain.summary().path("ensemble").isNull());
    }

    @Test
    void theSoftVotesLikelihoodIsNoWorseThanItsMeanMembers() {
        // -ln of a mean probability is at most the mean of -ln (Jensen), row by row, so this holds for a true soft vote.
        for (String task : new String[] {"specific", "general"}) {
            double memberNll = 0;
            for (JsonNode member : ensemble.summary().path("ensemble").path("members")) {
                memberNll += member.path("calibration").path("test").path(task).path("nll").asDouble() / 3;
            }
            double ensembleNll = ensemble.number("calibration", "test", task, "nll");
            assertTrue(ensembleNll <= memberNll + 1e-6, task + ": ensemble " + ensembleNll + ", mean member " + memberNll);
            assertEquals(ensembleNll, ensemble.metric("test", task, "loss"), 1e-9);
        }
    }

    @Test
    void theRunPageSetsTheMembersAgainstTheEnsemble() throws IOException {
        Document page = Jsoup.parse(ensemble.folder().resolve("report.html").toFile(), "UTF-8");
        assertNotNull(page.selectFirst("section#ensemble div.chart#ensemble-0"));
        assertNotNull(page.selectFirst("script#chart-data-ensemble-0"));
        assertEquals(4, page.select("section#ensemble table#ensemble-members-0 tbody tr").size(), "three members and the ensemble");
        Document single = Jsoup.parse(plain.folder().resolve("report.html").toFile(), "UTF-8");
        assertEquals(0, single.select("section#ensemble").size());
    }

    @Test
    void baggingAndStackingTrainOnBootstrapSamplesAndFitTheMetaLearnerOnValidation() throws Exception {
        RunRecord bagged = run("bagged", "--set", "ensemble={members: 2, vary: bootstrap, combine: stacking}");
        JsonNode section = bagged.summary().path("ensemble");
        assertEquals("validation", section.path("fitted_on").asText());
        assertTrue(section.path("combiner").path("specific").path("meta_learner").isTextual());
        double trainRows = bagged.number("data", "partitions", "train");
        for (JsonNode member : section.path("members")) {
            int distinct = member.path("bootstrap_rows").asInt();
            // A bootstrap sample of n rows holds about 1 - 1/e = 63% of them.
            assertTrue(distinct > 0.55 * trainRows && distinct < 0.72 * trainRows, distinct + " of " + trainRows);
        }
        RunRecord weighted = run("weighted", "--set", "ensemble={members: 2, combine: weighted}");
        double sum = 0;
        for (JsonNode weight : weighted.summary().path("ensemble").path("combiner").path("specific").path("weights")) {
            sum += weight.asDouble();
        }
        assertEquals(1.0, sum, 1e-9);
    }

    @Test
    void savedRunsOfTheSameDataCombineIntoANewRunFolder() throws Exception {
        RunRecord wider = run("wider", "--set", "model.hidden=[32]");
        Path out = work.resolve("combined");
        Launcher.run(work, "ensemble", plain.folder().toString(), wider.folder().toString(), "--out", out.toString())
                .assertExit(0).assertOutContains("ensemble of 2 runs written");
        RunRecord combined = RunRecord.at(out);
        assertEquals("succeeded", combined.status());
        assertEquals(11, combined.summary().path("schema_version").asInt());
        JsonNode section = combined.summary().path("ensemble");
        assertEquals("runs", section.path("vary").asText());
        assertEquals(plain.folder().toString(), section.path("members").get(0).path("run").asText());
        assertEquals(wider.folder().toString(), section.path("members").get(1).path("run").asText());
        assertEquals(sha256(plain.folder().resolve("model.zip")), section.path("members").get(0).path("model_sha256").asText());
        assertTrue(Files.isRegularFile(out.resolve("members/2/model.zip")));
        assertEquals(plain.metric("test", "specific", "accuracy"),
                section.path("members").get(0).path("metrics").path("test").path("specific").path("accuracy").asDouble(),
                "member 1 measured on the rows its run was tested on");
        assertEquals(plain.metric("test", "specific", "count"), combined.metric("test", "specific", "count"));
        assertEquals(wider.folder().toString(), combined.provenance().path("members").get(1).path("run").asText());
        assertTrue(combined.provenance().path("members").get(1).path("provenance").path("plugins").isArray()
                || combined.provenance().path("members").get(1).path("provenance").isObject());
        assertTrue(Files.isRegularFile(out.resolve("report.html")));
        Launcher.run(work, "compare", plain.folder().toString(), out.toString()).assertExit(0).assertOutContains("combined");
    }

    @Test
    void badInputIsRefusedWithTheReason() throws Exception {
        String a = plain.folder().toString();
        assertRefused("error: fulcrum ensemble combines two or more runs; got one: " + a, "ensemble", a, "--out", "one");
        RunRecord otherRows = run("other-rows", "--set", "data.specific.rows=700");
        assertRefused(otherRows.folder() + " was trained on other data than " + a
                        + ": data.specific.rows is 700 there and 800 in the first run; an ensemble's members must see the same data and split",
                "ensemble", a, otherRows.folder().toString(), "--out", "rows");
        RunRecord otherSeed = run("other-seed", "--seed", "9");
        assertRefused(otherSeed.folder() + " was trained on other rows than " + a + ": ",
                "ensemble", a, otherSeed.folder().toString(), "--out", "seed");
        RunRecord otherClasses = run("other-classes", "--set", "data.specific.general-classes=3");
        assertRefused(otherClasses.folder() + "'s task general has classes",
                "ensemble", a, otherClasses.folder().toString(), "--out", "classes");
        assertRefused(ensemble.folder() + ": it has no model.zip", "ensemble", a, ensemble.folder().toString(), "--out", "nested");
        assertRefused(work.resolve("runs-none") + ": not a run folder", "ensemble", a, work.resolve("runs-none").toString(),
                "--out", "none");
        Files.createDirectories(work.resolve("taken"));
        Files.writeString(work.resolve("taken/file"), "x");
        assertRefused(work.resolve("taken") + ": exists and is not empty", "ensemble", a, otherRows.folder().toString(),
                "--out", work.resolve("taken").toString());
        assertRefused("--combine: stacking is fitted on validation rows", "ensemble", a, a, "--out", "x", "--combine", "stacking");
        assertFalse(Files.exists(work.resolve("rows")), "nothing written for refused runs");
    }

    private static void assertRefused(String message, String... args) throws Exception {
        CliResult result = Launcher.run(work, args);
        result.assertExit(2).assertErrContains(message);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
