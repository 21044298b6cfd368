package dev.fulcrum.core.tune;

import dev.fulcrum.api.tune.StudyStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Tells the study, from a thread of its own, that a trial is alive while it runs (Optuna's heartbeat). */
final class Heartbeat implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);

    private final ScheduledExecutorService beats;

    private Heartbeat(ScheduledExecutorService beats) {
        this.beats = beats;
    }

    static Heartbeat start(StudyStorage storage, int trial, Duration interval) {
        ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "heartbeat of trial " + trial);
            thread.setDaemon(true);
            return thread;
        });
        beats.scheduleAtFixedRate(() -> {
            try {
                storage.heartbeat(trial);
            } catch (RuntimeException e) {
                // A missed beat is retried at the next; only a long silence makes the trial stale.
                log.warn("heartbeat of trial {} failed: {}", trial, e.toString());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return new Heartbeat(beats);
    }

    @Override
    public void close() {
        beats.shutdownNow();
        try {
            beats.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
