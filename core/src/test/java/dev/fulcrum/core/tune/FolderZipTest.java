package dev.fulcrum.core.tune;

import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.api.tune.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What carries a trial from an engine's machine to its driver: the run folder as zip bytes, the other trials as snapshots. */
class FolderZipTest {

    @TempDir
    Path work;

    @Test
    void aRunFolderComesBackWithEveryFileAndByte() throws Exception {
        Path run = Files.createDirectories(work.resolve("executor/trials/3-20260101-120000"));
        Files.writeString(run.resolve("summary.json"), "{\"study\": {\"trial\": 3}}");
        Files.createDirectories(run.resolve("checkpoints"));
        byte[] model = new byte[70_000];
        new java.util.Random(1).nextBytes(model);
        Files.write(Files.createDirectories(run.resolve("members/0")).resolve("model.zip"), model);

        Path back = work.resolve("driver/3-20260101-120000");
        Files.createDirectories(back.getParent());
        FolderZip.unzip(FolderZip.zip(run), back);
        assertEquals("{\"study\": {\"trial\": 3}}", Files.readString(back.resolve("summary.json")));
        assertArrayEquals(model, Files.readAllBytes(back.resolve("members/0/model.zip")));
    }

    @Test
    void anEntryOutsideTheFolderIsRefused() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("../escaped.txt"));
            zip.write(1);
            zip.closeEntry();
        }
        UncheckedIOException refused = assertThrows(UncheckedIOException.class,
                () -> FolderZip.unzip(bytes.toByteArray(), work.resolve("run")));
        assertTrue(refused.getCause().getMessage().contains("lies outside the run folder"), refused::toString);
        assertFalse(Files.exists(work.resolve("escaped.txt")));
    }

    @Test
    void aSnapshotGivesBackTheTrialItWasMadeFrom() {
        TreeMap<Integer, Map<String, Double>> reports = new TreeMap<>(Map.of(1, Map.of("validation.specific.accuracy", 0.5),
                2, Map.of("validation.specific.accuracy", Double.NaN)));
        TrialRecord trial = new TrialRecord(4, TrialState.COMPLETE, Map.of("model.hidden", List.of(16L), "strategy.learning-rate", 0.01),
                Map.of("validation.specific.accuracy", 0.75), false, reports, "trials/4-x", null, "spark-driver-1",
                Instant.ofEpochMilli(1000), Instant.ofEpochMilli(5000));
        assertEquals(trial, TrialSnapshot.of(trial).record());
    }
}
