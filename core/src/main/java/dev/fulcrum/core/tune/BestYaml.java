package dev.fulcrum.core.tune;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.core.run.RunFolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code best.yaml}: the selected trial's pipeline, ready for {@code fulcrum run best.yaml}. It is
 * the trial's resolved {@code config.yaml} (every default filled in, every path absolute, its seed)
 * under a comment naming the study and trial, so it runs from any folder and replays the trial.
 * Without a selected trial there is no {@code best.yaml}: one left from an earlier selection is
 * removed. So too where the selected trial ran on another machine (a study on PostgreSQL): its run
 * folder is there, and that machine's study folder gets the file.
 */
final class BestYaml {

    static final String FILE = "best.yaml";
    private static final String CONFIG = "config.yaml";

    private BestYaml() {
    }

    static void write(RunFolder study, String studyName, Selection selection, TrialFolders folders) {
        if (selection.trial() == null || !folders.folder(selection.trial()).map(Files::isDirectory).orElse(true)) {
            try {
                Files.deleteIfExists(study.resolve(FILE));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + study.resolve(FILE), e);
            }
            return;
        }
        Path config = folders.folder(selection.trial()).map(folder -> folder.resolve(CONFIG))
                .filter(Files::isRegularFile).orElseThrow(() -> new InvalidInputException("trial "
                        + selection.trial().number() + " of study " + studyName + " has no " + CONFIG + " in its run folder "
                        + folders.shown(selection.trial())));
        String header = "# Study " + studyName + ", trial " + selection.trial().number() + ", selected " + selection.how() + ".\n"
                + "# The trial's resolved pipeline (" + folders.shown(selection.trial()) + "/" + CONFIG + "): "
                + "fulcrum run " + FILE + " replays it.\n";
        try {
            study.writeText(FILE, header + Files.readString(config));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + config, e);
        }
    }
}
