package dev.fulcrum.core.tune;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WorkerMemoryTest {

    private static final long GIB = 1L << 30;

    @Test
    void workersShareHalfTheMachineHalfHeapHalfOffHeap() {
        assertEquals(List.of("-Xmx3072m", "-Dorg.bytedeco.javacpp.maxbytes=3072m"), WorkerMemory.options(List.of(), 24 * GIB, 2));
        assertEquals(List.of("-Xmx1536m", "-Dorg.bytedeco.javacpp.maxbytes=1536m"), WorkerMemory.options(List.of("-ea"), 24 * GIB, 4));
    }

    @Test
    void boundsTheLauncherWasGivenAreKept() {
        assertEquals(List.of("-Dorg.bytedeco.javacpp.maxbytes=3072m"), WorkerMemory.options(List.of("-Xmx2g"), 24 * GIB, 2));
        assertEquals(List.of("-Xmx3072m"), WorkerMemory.options(List.of("-Dorg.bytedeco.javacpp.maxbytes=5G"), 24 * GIB, 2));
        assertEquals(List.of(), WorkerMemory.options(List.of("-XX:MaxHeapSize=1g", "-Dorg.bytedeco.javacpp.maxbytes=1g"), 24 * GIB, 2));
    }

    @Test
    void aSmallMachineStillGivesEachWorkerAQuarterGigabyte() {
        assertEquals(List.of("-Xmx256m", "-Dorg.bytedeco.javacpp.maxbytes=256m"), WorkerMemory.options(List.of(), GIB, 8));
    }
}
