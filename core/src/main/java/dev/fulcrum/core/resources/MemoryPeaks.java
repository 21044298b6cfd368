package dev.fulcrum.core.resources;

import org.bytedeco.javacpp.Pointer;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The peaks of a run's memory, sampled on a daemon thread every {@value #INTERVAL_MS} ms from start to
 * stop (and once more at each end): the JVM heap in use ({@link MemoryMXBean}), the process's resident
 * memory as JavaCPP reads it ({@link Pointer#physicalBytes()}), and what of it lies outside the JVM's own
 * pools (resident minus committed heap and non-heap): ND4J's array buffers, OpenBLAS's and the native
 * libraries. ND4J 1.0.0-M2.1 allocates its buffers through its own native allocator, so JavaCPP's
 * {@link Pointer#totalBytes()} does not see them (measured: 152 bytes after allocating 116 MB of arrays);
 * it is kept as JavaCPP's own count. A sample costs a few microseconds, so at this rate under 0.01 % of
 * one core. The kernel's own peak resident size of the process ({@code VmHWM} in {@code /proc/self/status},
 * Linux only) is exact but counts from the JVM's start, not the run's.
 */
public final class MemoryPeaks implements AutoCloseable {

    static final long INTERVAL_MS = 100;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong heap = new AtomicLong();
    private final AtomicLong offHeap = new AtomicLong();
    private final AtomicLong javacpp = new AtomicLong();
    private final AtomicLong physical = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    private MemoryPeaks() {
        sample();
        sampler = new Thread(this::loop, "fulcrum-memory-peaks");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts sampling now. */
    public static MemoryPeaks start() {
        return new MemoryPeaks();
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(INTERVAL_MS);
            } catch (InterruptedException e) {
                return;
            }
            sample();
        }
    }

    private void sample() {
        var heapUsage = memory.getHeapMemoryUsage();
        long resident = Pointer.physicalBytes();
        heap.accumulateAndGet(heapUsage.getUsed(), Math::max);
        physical.accumulateAndGet(resident, Math::max);
        offHeap.accumulateAndGet(resident - heapUsage.getCommitted() - memory.getNonHeapMemoryUsage().getCommitted(), Math::max);
        javacpp.accumulateAndGet(Pointer.totalBytes(), Math::max);
        samples.incrementAndGet();
    }

    /** Stops sampling (after a last sample) and returns the peaks. */
    public Peaks stop() {
        close();
        return peaks();
    }

    /** The peaks so far. */
    public Peaks peaks() {
        return new Peaks(heap.get(), memory.getHeapMemoryUsage().getMax(), offHeap.get(), javacpp.get(), physical.get(),
                processPeakResident().orElse(null), samples.get(), INTERVAL_MS);
    }

    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        sampler.interrupt();
        try {
            sampler.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
    }

    /** {@code VmHWM} of {@code /proc/self/status} in bytes, where the file exists (Linux). */
    static Optional<Long> processPeakResident() {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return Optional.empty();
        }
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    String[] parts = line.substring("VmHWM:".length()).trim().split("\\s+");
                    return Optional.of(Long.parseLong(parts[0]) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * What the sampler saw, in bytes.
     *
     * @param heapMax           the heap's limit ({@code -Xmx}), or -1 where undefined
     * @param offHeap           resident memory outside the JVM's committed heap and non-heap pools: ND4J's buffers
     *                          and native code (a lower bound where committed heap is not all resident)
     * @param javacpp           bytes JavaCPP's own pointers hold ({@link Pointer#totalBytes()}), which ND4J's buffers are not
     * @param processPeakResident {@code VmHWM}, the process's peak resident size since it started; {@code null} off Linux
     */
    public record Peaks(long heap, long heapMax, long offHeap, long javacpp, long physical, Long processPeakResident,
                        long samples, long intervalMs) {
    }
}
