package dev.fulcrum.core.tune;

import org.sqlite.BusyHandler;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * How a connection waits for another's lock: it tries again every millisecond or two, at random
 * so that waiters do not move in step, until {@code limit} has passed since its first try; then
 * the call fails with SQLITE_BUSY. SQLite's own busy timeout ({@code sqliteDefaultBusyCallback}
 * in its {@code main.c}) backs off to 100 ms between tries, so with several workers writing, a
 * lock that is free for a few milliseconds at a time is mostly missed and the file sits idle:
 * four worker processes sharing 40 short trials (the processes test's worker) took 8-12 s, one
 * worker claiming 3 and another 18, against 5-6 s and 8 to 13 claims each with this handler.
 */
final class BusyRetry extends BusyHandler {

    private static final long SHORTEST_PAUSE_NANOS = 500_000;
    private static final long LONGEST_PAUSE_NANOS = 2_000_000;

    private final long limitNanos;
    /** When the current wait began; SQLite calls a connection's handler only from the call that waits. */
    private long firstTryNanos;

    BusyRetry(Duration limit) {
        this.limitNanos = limit.toNanos();
    }

    @Override
    protected int callback(int previousTries) {
        long now = System.nanoTime();
        if (previousTries == 0) {
            firstTryNanos = now;
        }
        if (now - firstTryNanos >= limitNanos || Thread.currentThread().isInterrupted()) {
            return 0;
        }
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(SHORTEST_PAUSE_NANOS, LONGEST_PAUSE_NANOS));
        return 1;
    }
}
