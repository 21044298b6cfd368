package dev.fulcrum.spark;

import dev.fulcrum.core.tune.RemoteTrial;
import dev.fulcrum.core.tune.RemoteTrialResult;
import dev.fulcrum.core.tune.TrialEngine;
import org.apache.spark.api.java.JavaSparkContext;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A study's Spark context: each trial one job of one partition, submitted from a thread of its own
 * (a SparkContext takes jobs from several threads at once), so that as many trials run as the
 * executors have task slots. Spark retries a task whose executor was lost ({@code spark.task.maxFailures});
 * the job's one result is the trial's.
 */
final class SparkTrialSession implements TrialEngine.Session {

    private final JavaSparkContext context;
    private final SparkSettings settings;
    private final List<String> pluginFiles;
    private final ExecutorService jobs = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fulcrum spark job");
        thread.setDaemon(true);
        return thread;
    });

    SparkTrialSession(JavaSparkContext context, SparkSettings settings, List<String> pluginFiles) {
        this.context = context;
        this.settings = settings;
        this.pluginFiles = List.copyOf(pluginFiles);
    }

    @Override
    public int slots() {
        // Spark's default parallelism: local[N]'s N, or the cores of the registered executors (at least 2).
        return Math.max(1, context.defaultParallelism() / settings.cores());
    }

    @Override
    public int coresPerTrial() {
        return settings.cores();
    }

    @Override
    public String describe() {
        return "trials run on Spark " + context.version() + " at " + settings.master() + ": " + slots() + " at once, "
                + settings.cores() + " cores each (spark.task.cpus)";
    }

    @Override
    public CompletableFuture<RemoteTrialResult> submit(RemoteTrial trial) {
        return CompletableFuture.supplyAsync(() -> {
            context.setJobGroup("trial-" + trial.number(), "fulcrum trial " + trial.number() + " of study " + trial.study(), true);
            return context.parallelize(List.of(trial), 1).map(new SparkTrialTask(pluginFiles)).collect().get(0);
        }, jobs);
    }

    @Override
    public void close() {
        context.cancelAllJobs();
        jobs.shutdownNow();
        context.stop();
    }
}
