package dev.fulcrum.spark;

import dev.fulcrum.core.cli.ConsoleProgress;
import dev.fulcrum.core.tune.RemoteTrial;
import dev.fulcrum.core.tune.RemoteTrialResult;
import dev.fulcrum.core.tune.RemoteTrials;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A trial on an executor: the Fulcrum host of the shipped plugins ({@link ExecutorHost}), and a fresh
 * folder for this attempt under the executor's own, so that an attempt retried here or elsewhere
 * never sees what a lost one left.
 */
final class SparkTrialTask implements Function<RemoteTrial, RemoteTrialResult> {

    private static final long serialVersionUID = 1L;
    /** The executor id of the driver (Spark's SparkContext.DRIVER_IDENTIFIER), where local mode runs tasks. */
    private static final String DRIVER = "driver";

    private final List<String> pluginFiles;

    SparkTrialTask(List<String> pluginFiles) {
        this.pluginFiles = List.copyOf(pluginFiles);
    }

    @Override
    public RemoteTrialResult call(RemoteTrial trial) {
        TaskContext task = TaskContext.get();
        String worker = "spark-executor-" + SparkEnv.get().executorId() + "-attempt-" + task.attemptNumber();
        Path work;
        try {
            work = Files.createTempDirectory(ExecutorHost.root(), "trial-" + trial.number() + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the trial's local folder", e);
        }
        // In local mode the executor is the driver, whose console shows each trial's line already.
        PrintWriter log = SparkEnv.get().executorId().equals(DRIVER)
                ? new PrintWriter(Writer.nullWriter()) : new PrintWriter(System.err, true);
        return RemoteTrials.run(trial, ExecutorHost.get(pluginFiles), work, worker, new ConsoleProgress(log, false));
    }
}
