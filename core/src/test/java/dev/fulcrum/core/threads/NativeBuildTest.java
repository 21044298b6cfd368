package dev.fulcrum.core.threads;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NativeBuildTest {

    private String before;

    @BeforeEach
    void saveExtension() {
        before = System.getProperty(NativeBuild.EXTENSION_PROPERTY);
        System.clearProperty(NativeBuild.EXTENSION_PROPERTY);
    }

    @AfterEach
    void restoreExtension() {
        if (before == null) {
            System.clearProperty(NativeBuild.EXTENSION_PROPERTY);
        } else {
            System.setProperty(NativeBuild.EXTENSION_PROPERTY, before);
        }
    }

    @Test
    void aCpuWithEveryAvx512FlagGetsTheAvx512Build() {
        Set<String> flags = new HashSet<>(NativeBuild.AVX512_FLAGS);
        flags.add("avx2");
        String choice = NativeBuild.chooseBuild(flags, true);
        assertEquals(NativeBuild.AVX512_EXTENSION, System.getProperty(NativeBuild.EXTENSION_PROPERTY));
        assertTrue(choice.startsWith("AVX-512"), choice);
    }

    @Test
    void aCpuWithoutOneOfTheFlagsKeepsTheGenericBuildAndSaysWhich() {
        Set<String> flags = new HashSet<>(NativeBuild.AVX512_FLAGS);
        flags.remove("avx512bw");
        assertEquals("generic: the CPU lacks avx512bw", NativeBuild.chooseBuild(flags, true));
        assertNull(System.getProperty(NativeBuild.EXTENSION_PROPERTY));
    }

    @Test
    void withoutTheAvx512JarTheGenericBuildLoads() {
        assertEquals("generic: no AVX-512 build on the class path", NativeBuild.chooseBuild(Set.copyOf(NativeBuild.AVX512_FLAGS), false));
        assertNull(System.getProperty(NativeBuild.EXTENSION_PROPERTY));
    }

    @Test
    void aBuildTheUserChoseIsKept() {
        System.setProperty(NativeBuild.EXTENSION_PROPERTY, "-avx2");
        assertEquals("set by -D" + NativeBuild.EXTENSION_PROPERTY, NativeBuild.chooseBuild(Set.copyOf(NativeBuild.AVX512_FLAGS), true));
        assertEquals("-avx2", System.getProperty(NativeBuild.EXTENSION_PROPERTY));
    }

    @Test
    void theCpuFlagsAreReadFromProcCpuinfo() {
        // every x86-64 CPU Linux runs on has SSE2; elsewhere there is no /proc/cpuinfo and no flags
        Set<String> flags = NativeBuild.cpuFlags();
        assertTrue(flags.contains("sse2") || !java.nio.file.Files.exists(java.nio.file.Path.of("/proc/cpuinfo")), flags.toString());
    }
}
