package dev.fulcrum.core.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompareCommandTest {

    @TempDir
    Path runs;

    private Path run(String name, String summary) throws IOException {
        Path folder = Files.createDirectories(runs.resolve(name));
        Files.writeString(folder.resolve("summary.json"), summary);
        return folder;
    }

    private static String[] execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FulcrumCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void printsRunsSideBySideWithDashesForWhatARunLacks() throws IOException {
        Path finetune = run("ft-1", """
                {"status": "succeeded", "balance": {"specific": 0.84661, "general": 0.8738, "general_before": 0.887, "forgetting": 0.0132},
                 "training": {"strategy": "pretrain-finetune", "model": "mlp"}, "timing": {"stages": {"train": 141.41}}}
                """);
        Path multitask = run("mt-1", """
                {"status": "succeeded", "balance": {"specific": 0.8702, "general": 0.8896, "general_before": null, "forgetting": null},
                 "training": {"strategy": "multi-task", "model": "mlp"}, "timing": {"stages": {"train": 60.0}}}
                """);
        String[] result = execute("compare", finetune.toString(), multitask.resolve("summary.json").toString());
        assertEquals("0", result[0], result[2]);
        String[] lines = result[1].split("\n");
        assertEquals(3, lines.length, result[1]);
        assertEquals("run   status     strategy           model  specific  general  general_before  forgetting  train_s", lines[0]);
        assertEquals("ft-1  succeeded  pretrain-finetune  mlp      0.8466   0.8738          0.8870     +0.0132    141.4", lines[1]);
        assertEquals("mt-1  succeeded  multi-task         mlp      0.8702   0.8896               -           -     60.0", lines[2]);
    }

    @Test
    void theAlphaAnInterpolationChoseIsAColumnWhereARunHasOne() throws IOException {
        Path interpolated = run("wise-1", """
                {"status": "succeeded", "balance": {"specific": 0.86, "general": 0.85, "general_before": 0.87, "forgetting": 0.02},
                 "interpolation": {"rule": "mean", "chosen_alpha": 0.6},
                 "training": {"strategy": "pretrain-finetune", "model": "mlp"}, "timing": {"stages": {"train": 30.0}}}
                """);
        Path plain = run("mt-1", """
                {"status": "succeeded", "balance": {"specific": 0.87, "general": 0.89, "general_before": null, "forgetting": null},
                 "interpolation": null, "training": {"strategy": "multi-task", "model": "mlp"}, "timing": {"stages": {"train": 60.0}}}
                """);
        String[] result = execute("compare", interpolated.toString(), plain.toString());
        assertEquals("0", result[0], result[2]);
        String[] lines = result[1].split("\n");
        assertEquals(3, lines.length, result[1]);
        assertEquals("run     status     strategy           model  specific  general  general_before  forgetting  alpha  train_s", lines[0]);
        assertEquals("wise-1  succeeded  pretrain-finetune  mlp      0.8600   0.8500          0.8700     +0.0200   0.60     30.0", lines[1]);
        assertEquals("mt-1    succeeded  multi-task         mlp      0.8700   0.8900               -           -      -     60.0", lines[2]);
    }

    @Test
    void eachTasksTestCalibrationFollowsTheRunsTable() throws IOException {
        Path calibrated = run("cal-1", """
                {"status": "succeeded", "balance": {"specific": 0.8, "general": 0.7},
                 "training": {"strategy": "multi-task", "model": "mlp"}, "timing": {"stages": {"train": 5.0}},
                 "calibration": {"validation": {"specific": {"ece": 0.9, "brier": 0.9, "nll": 0.9}},
                                 "test": {"specific": {"ece": 0.03, "brier": 0.25, "nll": 0.5},
                                          "general": {"ece": 0.1, "brier": null, "nll": 1.25}}}}
                """);
        String[] result = execute("compare", calibrated.toString());
        assertEquals("0", result[0], result[2]);
        String[] lines = result[1].split("\n");
        assertEquals(7, lines.length, result[1]);
        assertTrue(lines[3].startsWith("calibration on test rows"), result[1]);
        assertEquals("run    task         ece   brier     nll", lines[4]);
        assertEquals("cal-1  specific  0.0300  0.2500  0.5000", lines[5]);
        assertEquals("cal-1  general   0.1000       -  1.2500", lines[6]);
    }

    @Test
    void aFolderWithoutASummaryIsBadInput() throws IOException {
        Path empty = Files.createDirectories(runs.resolve("empty"));
        String[] result = execute("compare", empty.toString());
        assertEquals(String.valueOf(ExitCodes.BAD_INPUT), result[0]);
        assertTrue(result[2].contains(empty + ": not a run folder (it has no summary.json)"), result[2]);
    }
}
