package dev.fulcrum.plugins.csv;

import dev.fulcrum.api.DataFileException;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Feature;
import dev.fulcrum.core.run.HostRunContext;
import dev.fulcrum.core.run.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvCategoricalTest {

    @TempDir
    Path folder;

    private Dataset load(String csv, List<String> features, List<String> categorical) throws IOException {
        Path file = Files.writeString(folder.resolve("d.csv"), csv);
        CsvParams params = new CsvParams(file, "outcome", features, null, null, null, null, categorical, null);
        return new CsvDataSourceFactory().create(params, new HostRunContext(0, RunFolder.at(folder))).load();
    }

    @Test
    void categoricalColumnsHoldIndicesOfTheirSortedCategoryNames() throws IOException {
        Dataset data = load("age,colour,outcome\n30,red,a\n41,blue,b\n25,red,a\n", null, List.of("colour"));
        assertEquals(new Feature("colour", "csv:colour", List.of("blue", "red")), data.schema().features().get(1));
        assertEquals(List.of(), data.schema().features().get(0).categories());
        assertArrayEquals(new float[] {1, 0, 1}, data.features().getColumn(1).toFloatVector());
        assertArrayEquals(new float[] {30, 41, 25}, data.features().getColumn(0).toFloatVector());
    }

    @Test
    void aMissingCategoryIsNamedByLineAndColumn() {
        DataFileException error = assertThrows(DataFileException.class,
                () -> load("age,colour,outcome\n30,red,a\n41,,b\n", null, List.of("colour")));
        assertTrue(error.getMessage().endsWith("row 3, column colour: missing category"),
                error.getMessage());
    }

    @Test
    void categoricalColumnsMustBeFeatures() {
        assertEquals("categorical", assertThrows(InvalidParamsException.class,
                () -> new CsvParams(folder, "outcome", List.of("age"), null, null, null, null, List.of("colour"), null)).field());
        assertThrows(DataFileException.class, () -> load("age,colour,outcome\n30,red,a\n41,blue,b\n", null, List.of("outcome")));
    }
}
