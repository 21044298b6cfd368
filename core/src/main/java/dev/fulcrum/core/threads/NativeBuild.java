package dev.fulcrum.core.threads;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Two native choices that are fixed once ND4J has loaded, so the launcher makes them first: which
 * build of nd4j-native to load, and whether JavaCPP reads the process's resident memory on every
 * native allocation. Measured with {@code benchmarks/speed/native} (README, "Threads"): the AVX-512
 * build trains the MLP faster than the generic one where the CPU has AVX-512, and the memory check,
 * a read of {@code /proc/self/statm} per allocation, took a tenth of the training thread's time at
 * batch 128. A value the user set for either property is kept.
 */
public final class NativeBuild {

    /** JavaCPP loads the native libraries of this build: {@code -avx512} for {@code linux-x86_64-avx512}. */
    static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";
    /** JavaCPP's limit on resident memory, checked against {@code /proc/self/statm} at each allocation; 0: none. */
    static final String MAX_PHYSICAL_PROPERTY = "org.bytedeco.javacpp.maxPhysicalBytes";
    static final String AVX512_EXTENSION = "-avx512";
    /** The instructions of GCC's {@code -march=skylake-avx512}, the target of nd4j-native's AVX-512 build. */
    static final List<String> AVX512_FLAGS = List.of("avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl");
    private static final String AVX512_LIBRARY = "org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64-avx512/libnd4jcpu.so";

    private static String buildChoice;
    private static String memoryCheckChoice;

    private NativeBuild() {
    }

    /**
     * Sets both properties unless set already; call before any ND4J or JavaCPP class loads (later
     * calls change nothing). Idempotent.
     */
    public static synchronized void choose() {
        if (buildChoice != null) {
            return;
        }
        buildChoice = chooseBuild(cpuFlags(), NativeBuild.class.getClassLoader().getResource(AVX512_LIBRARY) != null);
        if (System.getProperty(MAX_PHYSICAL_PROPERTY) == null && System.getProperty(MAX_PHYSICAL_PROPERTY.toLowerCase()) == null) {
            // JavaCPP's other limit, maxBytes (the native bytes it allocated, by default the heap's
            // maximum), still calls the collector before native memory runs out.
            System.setProperty(MAX_PHYSICAL_PROPERTY, "0");
            memoryCheckChoice = "off: Fulcrum's default (a read of /proc/self/statm on each native allocation)";
        } else {
            memoryCheckChoice = "set by -D" + MAX_PHYSICAL_PROPERTY;
        }
    }

    static String chooseBuild(Set<String> cpuFlags, boolean avx512Available) {
        if (System.getProperty(EXTENSION_PROPERTY) != null) {
            return "set by -D" + EXTENSION_PROPERTY;
        }
        if (!avx512Available) {
            return "generic: no AVX-512 build on the class path";
        }
        List<String> missing = AVX512_FLAGS.stream().filter(flag -> !cpuFlags.contains(flag)).toList();
        if (!missing.isEmpty()) {
            return "generic: the CPU lacks " + String.join(", ", missing);
        }
        System.setProperty(EXTENSION_PROPERTY, AVX512_EXTENSION);
        return "AVX-512: the CPU has " + String.join(", ", AVX512_FLAGS);
    }

    /** The CPU's flags from {@code /proc/cpuinfo}; none where there is no such file. */
    static Set<String> cpuFlags() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("flags"))
                    .findFirst()
                    .map(line -> Arrays.stream(line.substring(line.indexOf(':') + 1).trim().split("\\s+")).collect(Collectors.toSet()))
                    .orElse(Set.of());
        } catch (IOException e) {
            return Set.of();
        }
    }

    /** What loaded and why, for provenance and {@code resources.machine}. */
    public static Map<String, Object> describe() {
        NativeOps ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        String extension = System.getProperty(EXTENSION_PROPERTY, "");
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("build", "nd4j-native " + org.bytedeco.javacpp.Loader.getPlatform() + extension);
        described.put("build_choice", buildChoice == null ? "not chosen by the launcher (a Java caller)" : buildChoice);
        // libnd4j's levels: 0 generic, 2 AVX2, 3 AVX-512 (Environment.cpp)
        described.put("binary_level", ops.binaryLevel());
        described.put("optimal_level", ops.optimalLevel());
        described.put("blas_vendor", Nd4j.factory().blas().getBlasVendor().toString());
        String maxPhysical = System.getProperty(MAX_PHYSICAL_PROPERTY, System.getProperty(MAX_PHYSICAL_PROPERTY.toLowerCase()));
        described.put("javacpp_max_physical_bytes", maxPhysical);
        described.put("javacpp_memory_check", memoryCheckChoice == null ? "JavaCPP's default (on)" : memoryCheckChoice);
        return described;
    }
}
