package dev.fulcrum.testkit;

import dev.fulcrum.api.tune.StudyStorage;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.core.tune.SqliteStudyStorage;
import dev.fulcrum.core.tune.StudyFolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a study left in its folder, read back for assertions: its trials as the study database holds
 * them, and each trial's run folder as a {@link RunRecord}.
 */
public final class StudyRecord {

    private final StudyFolder folder;

    private StudyRecord(StudyFolder folder) {
        this.folder = folder;
    }

    /** The study {@code name} under the runs folder {@code runs}. */
    public static StudyRecord at(Path runs, String name) {
        StudyFolder folder = StudyFolder.of(runs, name);
        if (!folder.exists()) {
            throw new AssertionError("no study " + name + " in " + runs + " (no " + folder.database() + ")");
        }
        return new StudyRecord(folder);
    }

    /** The study {@code name} in a folder of another name (one that {@code --new} moved aside). */
    public static StudyRecord inFolder(Path folder, String name) {
        return new StudyRecord(new StudyFolder(folder, name));
    }

    public Path folder() {
        return folder.path();
    }

    /** Every trial, in number order, as the database holds it now. */
    public List<TrialRecord> trials() {
        try (StudyStorage storage = SqliteStudyStorage.open(folder.database(), folder.study())) {
            return storage.trials();
        }
    }

    /** Trial {@code number}'s record. */
    public TrialRecord trial(int number) {
        return trials().stream().filter(t -> t.number() == number).findFirst()
                .orElseThrow(() -> new AssertionError("study " + folder.study() + " has no trial " + number));
    }

    /** The run folder trial {@code number} ran in last. */
    public RunRecord run(int number) {
        TrialRecord trial = trial(number);
        if (trial.runFolder() == null) {
            throw new AssertionError("trial " + number + " of study " + folder.study() + " has no run folder (" + trial.state() + ")");
        }
        return RunRecord.at(folder.path().resolve(trial.runFolder()));
    }

    /** The trials' states as files write them ({@code complete}, {@code pruned}, ...), in number order. */
    public List<String> states() {
        return trials().stream().map(t -> t.state().word()).toList();
    }

    /** The names of the run folders under {@code trials/}, sorted: one per attempt at a trial. */
    public List<String> trialFolders() {
        try (Stream<Path> folders = Files.list(folder.trials())) {
            return folders.map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
