package dev.fulcrum.core.tune;

import java.time.Duration;

/**
 * How often a running trial tells the study it is alive, and after how much silence another worker
 * takes it for dead (its process killed) and queues it again. System properties, so that tests can
 * make both short; the defaults suit trials of minutes.
 */
record StudyTimings(Duration heartbeat, Duration staleAfter) {

    static final String HEARTBEAT_PROPERTY = "fulcrum.tune.heartbeat";
    static final String STALE_AFTER_PROPERTY = "fulcrum.tune.stale-after";

    static StudyTimings fromSystemProperties() {
        Duration heartbeat = Durations.parse(System.getProperty(HEARTBEAT_PROPERTY, "10s"));
        Duration staleAfter = Durations.parse(System.getProperty(STALE_AFTER_PROPERTY, "60s"));
        if (staleAfter.compareTo(heartbeat.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException(STALE_AFTER_PROPERTY + " (" + staleAfter + ") must be at least twice "
                    + HEARTBEAT_PROPERTY + " (" + heartbeat + "), or live trials would be taken for dead");
        }
        return new StudyTimings(heartbeat, staleAfter);
    }
}
