package dev.fulcrum.plugins.csv;

import dev.fulcrum.api.DataFileException;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.core.run.HostRunContext;
import dev.fulcrum.core.run.RunFolder;
import dev.fulcrum.testkit.ParamsYaml;
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

class CsvDataSourceTest {

    @TempDir
    Path folder;

    private HostRunContext context() {
        return new HostRunContext(0, RunFolder.at(folder));
    }

    private Dataset load(String csv, CsvParams params) throws IOException {
        Files.writeString(folder.resolve("d.csv"), csv);
        HostRunContext context = context();
        Dataset data = new CsvDataSourceFactory().create(params, context).load();
        assertEquals(java.util.Set.of(folder.resolve("d.csv")), context.inputs());
        return data;
    }

    private static CsvParams params(Path path, String domain, List<String> sensitive) {
        return new CsvParams(path, "outcome", null, sensitive, domain, null, null);
    }

    private String error(String csv) throws IOException {
        Path file = Files.writeString(folder.resolve("d.csv"), csv);
        return assertThrows(DataFileException.class,
                () -> new CsvDataSourceFactory().create(params(file, null, List.of("sex")), context()).load()).getMessage();
    }

    @Test
    void readsFeaturesLabelsSensitiveAndDomainColumns() throws IOException {
        Dataset data = load("""
                age,"income, k",sex,site,outcome
                30,1.5,f,source,yes
                41,"2.5",m,target,no

                25,0.5,f,source,yes
                """, params(folder.resolve("d.csv"), "site", List.of("sex")));
        assertEquals(List.of("age", "income, k"), data.schema().featureNames());
        assertEquals(List.of("no", "yes"), data.schema().task("outcome").orElseThrow().classes());
        assertArrayEquals(new int[] {1, 0, 1}, data.labels("outcome"));
        assertArrayEquals(new String[] {"f", "m", "f"}, data.sensitive().get("sex"));
        assertEquals(List.of("source", "target"), data.schema().domains());
        assertArrayEquals(new int[] {0, 1, 0}, data.domains());
        assertArrayEquals(new float[] {41f, 2.5f}, data.features().getRow(1).toFloatVector());
    }

    @Test
    void everyMalformedValueIsLocatedByFileLineAndColumn() throws IOException {
        Path file = folder.resolve("d.csv");
        String header = "a,b,sex,outcome\n";
        assertEquals(file + ": row 3, column b: expected a number, got \"abc\"", error(header + "1,2,f,yes\n1,abc,m,no\n"));
        assertEquals(file + ": row 2, column a: missing value; expected a number", error(header + ",2,f,yes\n1,1,m,no\n"));
        assertEquals(file + ": row 2, column a: expected a finite number, got \"NaN\"", error(header + "NaN,2,f,yes\n1,1,m,no\n"));
        assertEquals(file + ": row 3: expected 4 fields as in the header, got 3", error(header + "1,2,f,yes\n1,2,no\n"));
        assertEquals(file + ": row 2, column outcome: missing label", error(header + "1,2,f,\n1,1,m,no\n1,1,m,yes\n"));
        assertEquals(file + ": row 2: unterminated quote (fields may not span lines)", error(header + "\"1,2,f,yes\n"));
        assertEquals(file + ": row 1, column outcome: the label column \"outcome\" is not in the header; columns are [a, b, sex, label]",
                error("a,b,sex,label\n1,2,f,yes\n"));
        assertEquals(file + ": row 1: the file is empty; the first line must be a header", error(""));
        assertEquals(file + ": the file has a header but no rows", error(header));
        assertEquals(file + ": column outcome: the label column has 1 distinct value(s); a task needs at least 2", error(header + "1,2,f,yes\n"));
    }

    @Test
    void ofSeveralBadNumbersTheFirstInTheFileIsTheError() throws IOException {
        Path file = folder.resolve("d.csv");
        String header = "a,b,sex,outcome\n";
        assertEquals(file + ": row 3, column b: expected a number, got \"x\"", error(header + "1,2,f,yes\n1,x,m,no\ny,2,m,no\n"));
        assertEquals(file + ": row 3, column a: missing value; expected a number", error(header + "1,2,f,yes\n,x,m,no\n"));
    }

    @Test
    void configuredClassesFixTheOrderAndRejectOtherLabels() throws IOException {
        Path file = Files.writeString(folder.resolve("d.csv"), "x,outcome\n1,low\n2,high\n3,mid\n");
        CsvParams params = new CsvParams(file, "outcome", null, null, null, List.of("low", "high"), null);
        assertEquals(file + ": row 4, column outcome: label \"mid\" is not one of the configured classes [low, high]",
                assertThrows(DataFileException.class, () -> new CsvDataSourceFactory().create(params, context()).load()).getMessage());
    }

    @Test
    void missingFileAndMissingPathAreClear() {
        Path missing = folder.resolve("absent.csv");
        assertEquals(missing + ": no such file", assertThrows(DataFileException.class,
                () -> new CsvDataSourceFactory().create(params(missing, null, List.of()), context()).load()).getMessage());
        assertEquals("path: missing: name the CSV file", assertThrows(InvalidParamsException.class,
                () -> new CsvDataSourceFactory().create(params(null, null, List.of()), context())).getMessage());
    }

    @Test
    void otherDelimitersWork() throws IOException {
        Dataset data = load("x;outcome\n1.5;a\n2;b\n", new CsvParams(folder.resolve("d.csv"), "outcome", null, null, null, null, ";"));
        assertEquals(2, data.rows());
        assertThrows(InvalidParamsException.class, () -> new CsvParams(folder, null, null, null, null, null, "ab"));
    }

    @Test
    void aQuoteOrALineBreakIsNoDelimiter() {
        assertEquals("params.yaml:1: delimiter: must be one character other than a quote or a line break, got \"\\n\"",
                ParamsYaml.error(CsvParams.class, "{path: d.csv, delimiter: \"\\n\"}"));
        assertEquals("params.yaml:1: delimiter: must be one character other than a quote or a line break, got \"\"\"",
                ParamsYaml.error(CsvParams.class, "{path: d.csv, delimiter: '\"'}"));
    }

    @Test
    void rowIdsAreTheFileAndLineOrTheIdColumn() throws IOException {
        String csv = "key,x,outcome\nb7,1,a\n\na3,2,b\n";
        assertArrayEquals(new String[] {"d.csv#row=2", "d.csv#row=4"},
                load(csv, new CsvParams(folder.resolve("d.csv"), "outcome", List.of("x"), null, null, null, null)).ids());
        assertArrayEquals(new String[] {"d.csv#row=2", "d.csv#row=3"}, load(csv.replace("\n\n", "\n"),
                new CsvParams(folder.resolve("d.csv"), "outcome", List.of("x"), null, null, null, null)).ids(), "no line skipped");
        Dataset keyed = load(csv, new CsvParams(folder.resolve("d.csv"), "outcome", null, null, null, null, null, null, "key"));
        assertArrayEquals(new String[] {"b7", "a3"}, keyed.ids());
        assertEquals(List.of("x"), keyed.schema().featureNames(), "the id column is no feature");
    }

    @Test
    void rowIdsFollowTheFileLinesAcrossTheRangesOfALargeFile() throws IOException {
        StringBuilder csv = new StringBuilder("x,outcome\n");
        List<String> expected = new java.util.ArrayList<>();
        long line = 1;
        for (int row = 0; row < 500_000; row++) {
            if (row % 997 == 0) {
                csv.append('\n');
                line++;
            }
            csv.append(row).append(row % 2 == 0 ? ",a\n" : ",b\n");
            expected.add("d.csv#row=" + ++line);
        }
        Dataset data = load(csv.toString(), new CsvParams(folder.resolve("d.csv"), "outcome", null, null, null, null, null));
        assertTrue(csv.length() > 4 << 20, "the file is read in ranges from 4 MiB on");
        assertArrayEquals(expected.toArray(String[]::new), data.ids());
        assertEquals(expected.get(499_999), data.id(499_999));
        assertEquals(499_999f, data.features().getFloat(499_999, 0));
    }

    @Test
    void aRepeatedOrMissingIdNamesItsRowAndTheEarlierOne() throws IOException {
        Path file = Files.writeString(folder.resolve("d.csv"), "key,x,outcome\nb7,1,a\nb7,2,b\n");
        CsvParams keyed = new CsvParams(file, "outcome", null, null, null, null, null, null, "key");
        assertEquals(file + ": row 3, column key: id \"b7\" is also the id of row 2", assertThrows(DataFileException.class,
                () -> new CsvDataSourceFactory().create(keyed, context()).load()).getMessage());
        Files.writeString(file, "key,x,outcome\nb7,1,a\n,2,b\n");
        assertEquals(file + ": row 3, column key: missing id", assertThrows(DataFileException.class,
                () -> new CsvDataSourceFactory().create(keyed, context()).load()).getMessage());
    }
}
