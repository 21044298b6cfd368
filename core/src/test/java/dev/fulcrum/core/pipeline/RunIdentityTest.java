package dev.fulcrum.core.pipeline;

import dev.fulcrum.core.run.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RunIdentityTest {

    @TempDir
    Path folder;

    private static final RunIdentity STARTED = new RunIdentity(11, Map.of("mlp", "aa", "supervised", "bb"),
            Map.of("nd4j_backend", "CpuBackend", "blas_vendor", "OPENBLAS", "blas_threads", "1", "nd4j_omp_threads", "2"));

    @Test
    void itComesBackAsWrittenAndMatchesItself() {
        STARTED.write(RunFolder.at(folder));
        RunIdentity read = RunIdentity.read(folder);
        assertEquals(STARTED, read);
        assertEquals(List.of(), STARTED.differences(read));
    }

    @Test
    void everyDifferenceIsNamedWithThenAndNow() {
        RunIdentity now = new RunIdentity(12, Map.of("mlp", "cc", "attention", "dd"),
                Map.of("nd4j_backend", "CpuBackend", "blas_vendor", "MKL", "blas_threads", "2", "nd4j_omp_threads", "2"));
        assertEquals(List.of("seed: 11 -> 12", "plugin attention: (none) -> dd", "plugin mlp: aa -> cc",
                "plugin supervised: bb -> (none)", "backend blas_threads: 1 -> 2", "backend blas_vendor: OPENBLAS -> MKL"),
                STARTED.differences(now));
    }

    @Test
    void aRunWithoutAnIdentityHasNone() {
        assertEquals(null, RunIdentity.read(folder));
    }
}
