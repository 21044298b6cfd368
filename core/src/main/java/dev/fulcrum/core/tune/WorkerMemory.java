package dev.fulcrum.core.tune;

import java.util.ArrayList;
import java.util.List;

/**
 * The memory each worker JVM of a study may take. A JVM's heap defaults to a quarter of the
 * machine's memory, and ND4J's off-heap memory (JavaCPP's {@code org.bytedeco.javacpp.maxbytes})
 * to as much again (javacpp pull request #365 describes the 1:1 ratio), and a worker that has run
 * many trials holds close to both: two workers of the Fashion study on this 24 GiB machine reached
 * 11.7 GB each and one was killed for memory. So unless the launcher's own options bound them, N
 * workers share half the machine's memory, each half heap and half off-heap.
 */
final class WorkerMemory {

    static final String OFF_HEAP_PROPERTY = "org.bytedeco.javacpp.maxbytes";

    private WorkerMemory() {
    }

    /**
     * The options to add to each worker's command line.
     *
     * @param launcherOptions the launcher JVM's own options, which workers inherit
     * @param physicalBytes   the machine's memory
     */
    static List<String> options(List<String> launcherOptions, long physicalBytes, int workers) {
        long share = physicalBytes / (4L * workers);
        long megabytes = Math.max(256, share >> 20);
        List<String> options = new ArrayList<>();
        if (launcherOptions.stream().noneMatch(o -> o.startsWith("-Xmx") || o.startsWith("-XX:MaxHeapSize"))) {
            options.add("-Xmx" + megabytes + "m");
        }
        if (launcherOptions.stream().noneMatch(o -> o.startsWith("-D" + OFF_HEAP_PROPERTY + "="))) {
            options.add("-D" + OFF_HEAP_PROPERTY + "=" + megabytes + "m");
        }
        return options;
    }
}
