package dev.fulcrum.core.cli;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.tune.StudyStorage;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.core.tune.PostgresLogin;
import dev.fulcrum.core.tune.PostgresStudyStorage;
import dev.fulcrum.core.tune.PostgresUrl;
import dev.fulcrum.core.tune.StudyDefinition;
import dev.fulcrum.core.tune.StudyFolder;
import dev.fulcrum.core.tune.StudyStatus;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code fulcrum tune --status STUDY}: a study's progress, read from its database alone (no host, no pipeline file). */
final class StudyStatusReport {

    private StudyStatusReport() {
    }

    /** @param study a study folder, the name of a study under {@code runs}, or a study's PostgreSQL URL */
    static void print(String study, Path runs, PrintWriter out) {
        if (PostgresUrl.names(study)) {
            PostgresUrl url = TuneCommand.studyUrl("--status", study);
            try (StudyStorage storage = PostgresStudyStorage.join(url, PostgresLogin.fromEnvironment(url))) {
                // Run folders are relative to the study folder of whichever worker ran the trial; this machine's is under runs.
                print(storage, url.study(), runs.resolve(url.study()), out);
            }
            return;
        }
        Path folder = Files.isRegularFile(Path.of(study).resolve(StudyFolder.DATABASE)) ? Path.of(study) : runs.resolve(study);
        if (!Files.isRegularFile(folder.resolve(StudyFolder.DATABASE))) {
            throw new InvalidInputException("--status " + study + ": no study there (no " + StudyFolder.DATABASE + " in "
                    + Path.of(study) + " nor in " + runs.resolve(study) + ")");
        }
        StudyFolder studyFolder = StudyFolder.open(folder);
        try (StudyStorage storage = studyFolder.open()) {
            print(storage, studyFolder.study(), folder, out);
        }
    }

    private static void print(StudyStorage storage, String name, Path folder, PrintWriter out) {
        String definition = storage.definition();
        // Absolute run folders, so a select rule on a metric the objectives lack can read the trials' summaries.
        List<TrialRecord> trials = storage.trials().stream().map(trial -> trial.runFolder() == null ? trial
                : new TrialRecord(trial.number(), trial.state(), trial.params(), trial.values(), trial.feasible(),
                trial.intermediate(), folder.toAbsolutePath().resolve(trial.runFolder()).toString(), trial.error(),
                trial.worker(), trial.started(), trial.finished())).toList();
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try (PrintStream stream = new PrintStream(text, true, StandardCharsets.UTF_8)) {
            StudyStatus.print(stream, name, StudyDefinition.objectives(definition),
                    StudyDefinition.select(definition), trials);
        }
        out.print(text.toString(StandardCharsets.UTF_8));
        out.flush();
    }
}
