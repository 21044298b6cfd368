package dev.fulcrum.core.resources;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The machine a run ran on: its CPU model, processors and physical memory. */
public record MachineInfo(String cpu, int availableProcessors, long memoryBytes) {

    /** This machine: the CPU's {@code model name} from {@code /proc/cpuinfo} (Linux), else the JVM's {@code os.arch}. */
    public static MachineInfo current() {
        long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : -1;
        return new MachineInfo(cpuModel().orElse(System.getProperty("os.arch")), Runtime.getRuntime().availableProcessors(), memory);
    }

    private static Optional<String> cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return Optional.empty();
        }
        try (var lines = Files.lines(cpuinfo)) {
            return lines.filter(line -> line.startsWith("model name")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
