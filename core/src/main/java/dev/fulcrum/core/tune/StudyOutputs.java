package dev.fulcrum.core.tune;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.api.tune.Objective;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.core.run.Json;
import dev.fulcrum.core.run.RunFolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a study leaves its user in the study folder: {@code trials.csv} ({@link TrialsCsv}),
 * {@code pareto.json} ({@link ParetoJson}) and {@code best.yaml} ({@link BestYaml}). Each file is
 * written beside its final name and moved over it, so a reader never sees half of one.
 */
public final class StudyOutputs {

    private StudyOutputs() {
    }

    /**
     * Writes every file afresh from the study's trials; the study's name is its folder's name.
     *
     * @param select {@code tune.select}, or {@code null} (then the front trial best on the first objective is selected)
     */
    public static void write(Path studyFolder, List<Objective> objectives, SelectRule select, List<TrialRecord> trials) {
        RunFolder study = RunFolder.at(studyFolder);
        String name = studyFolder.toAbsolutePath().normalize().getFileName().toString();
        TrialFolders folders = new TrialFolders(studyFolder);
        study.writeText(TrialsCsv.FILE, TrialsCsv.text(trials, objectives, folders));
        List<TrialRecord> front = ParetoFront.of(trials, objectives);
        Selection selection = Selection.of(select, front, objectives, folders);
        Path confirmation = studyFolder.resolve(StudyConfirmation.FILE);
        JsonNode confirmed = Files.isRegularFile(confirmation) ? TrialFolders.read(confirmation) : null;
        study.writeText(ParetoJson.FILE, Json.pretty(ParetoJson.build(name, objectives,
                StudyHypervolume.of(trials, objectives, front), front, selection, folders, confirmed)));
        BestYaml.write(study, name, selection, folders);
    }
}
