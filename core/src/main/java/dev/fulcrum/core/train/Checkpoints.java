package dev.fulcrum.core.train;

import dev.fulcrum.core.run.AtomicFile;
import dev.fulcrum.core.run.RunFolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The checkpoints of one training session, in {@code checkpoints/} of its folder (the run's, or an ensemble
 * member's): {@code phase-<i>.zip} after phase {@code i} (from 0) ends, and {@code epoch.zip} after every
 * {@code every}-th epoch of the phase in progress (at most one per {@code seconds} of wall time). A resumed session reads them back: a phase with its
 * {@code phase-<i>.zip} is not trained again, and the phase in progress continues after its last epoch.
 */
public final class Checkpoints {

    public static final String FOLDER = "checkpoints";
    private static final String EPOCH = "epoch.zip";

    /** What checkpointing cost: files written, their bytes, seconds spent writing them. */
    public record Cost(int written, long bytes, double seconds) {
    }

    /** Where a resumed session picked up: after {@code phasesDone} phases and {@code epoch} epochs of the next. */
    public record ResumePoint(int phasesDone, String phase, int epoch, int globalEpoch) {
    }

    private final RunFolder folder;
    private final int every;
    private final double seconds;
    private final boolean resume;
    private long lastWrite = System.nanoTime();
    private int written;
    private long bytes;
    private double writeSeconds;
    private ResumePoint resumedFrom;

    private Checkpoints(RunFolder folder, int every, double seconds, boolean resume) {
        this.folder = folder;
        this.every = every;
        this.seconds = seconds;
        this.resume = resume;
    }

    /** None written, none read: study trials, cross-fitting folds, {@code every: 0}. */
    public static Checkpoints none() {
        return new Checkpoints(null, 0, 0, false);
    }

    /**
     * @param every   checkpoint every this many epochs (0: none)
     * @param seconds and at most one epoch checkpoint per this many wall seconds
     * @param resume whether to read the checkpoints an earlier, interrupted process of the same run left */
    public static Checkpoints in(RunFolder folder, int every, double seconds, boolean resume) {
        return every == 0 ? none() : new Checkpoints(folder, every, seconds, resume);
    }

    /** The session's state after phase {@code index}, where an earlier process saved it. */
    Optional<TrainingCheckpoint> afterPhase(int index) {
        return read("phase-" + index + ".zip").map(checkpoint -> resumed(checkpoint, index + 1, null));
    }

    /** The session's state inside phase {@code index}, after its last saved epoch, where an earlier process saved it. */
    Optional<TrainingCheckpoint> inPhase(int index) {
        return read(EPOCH).filter(checkpoint -> checkpoint.phasesDone() == index && checkpoint.inPhase() != null)
                .map(checkpoint -> resumed(checkpoint, index, checkpoint.inPhase()));
    }

    private TrainingCheckpoint resumed(TrainingCheckpoint checkpoint, int phasesDone, TrainingCheckpoint.InPhase loop) {
        resumedFrom = new ResumePoint(phasesDone, checkpoint.phase(), loop == null ? 0 : loop.epochsRun(), checkpoint.globalEpoch());
        return checkpoint;
    }

    /** Whether the epoch ending now, the run's {@code globalEpoch}-th, is one to checkpoint. */
    boolean due(int globalEpoch) {
        return folder != null && globalEpoch % every == 0 && (System.nanoTime() - lastWrite) / 1e9 >= seconds;
    }

    void phaseDone(int index, TrainingCheckpoint checkpoint) {
        if (folder == null) {
            return;
        }
        write("phase-" + index + ".zip", checkpoint);
        try {
            Files.deleteIfExists(file(EPOCH));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file(EPOCH), e);
        }
    }

    void epochDone(TrainingCheckpoint checkpoint) {
        write(EPOCH, checkpoint);
    }

    private void write(String name, TrainingCheckpoint checkpoint) {
        long started = System.nanoTime();
        byte[] content = checkpoint.toBytes();
        try {
            AtomicFile.write(file(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file(name), e);
        }
        written++;
        bytes += content.length;
        lastWrite = System.nanoTime();
        writeSeconds += (lastWrite - started) / 1e9;
    }

    private Optional<TrainingCheckpoint> read(String name) {
        if (!resume) {
            return Optional.empty();
        }
        Path file = file(name);
        return Files.exists(file) ? Optional.of(TrainingCheckpoint.read(file)) : Optional.empty();
    }

    private Path file(String name) {
        return folder.resolve(FOLDER + "/" + name);
    }

    public Cost cost() {
        return new Cost(written, bytes, writeSeconds);
    }

    /** Where this session resumed, if it read a checkpoint. */
    public Optional<ResumePoint> resumedFrom() {
        return Optional.ofNullable(resumedFrom);
    }

    /** Deletes the session's checkpoints, once its run has ended and saved everything. */
    public static void remove(Path sessionFolder) {
        Path checkpoints = sessionFolder.resolve(FOLDER);
        if (!Files.isDirectory(checkpoints)) {
            return;
        }
        try (Stream<Path> files = Files.walk(checkpoints)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + checkpoints, e);
        }
    }
}
