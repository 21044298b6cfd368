package dev.fulcrum.core.feedback;

import dev.fulcrum.api.DataFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Label Studio's JSON-MIN export: one flat record per annotation, the chosen class under the tag's from_name. */
class LabelStudioCorrectionsTest {

    /** As Label Studio 1.x exports an image-classification project whose tasks were imported with a fulcrum_id field. */
    private static final String EXPORT = """
            [
              {
                "image": "/data/upload/1/pool-17.png",
                "fulcrum_id": "pool-images.gz#17",
                "id": 41,
                "label": "Sneaker",
                "annotator": "kim@example.org",
                "annotation_id": 7,
                "created_at": "2026-11-30T10:00:01.000000Z",
                "updated_at": "2026-11-30T10:02:03.000000Z",
                "lead_time": 12.5
              },
              {
                "image": "/data/upload/1/pool-18.png", "fulcrum_id": "pool-images.gz#18", "id": 42,
                "label": {"choices": ["Bag"]}, "annotator": 3
              },
              {"image": "/data/upload/1/pool-19.png", "fulcrum_id": "pool-images.gz#19", "id": 43, "annotator": "kim@example.org"},
              {"image": "/data/upload/1/pool-20.png", "fulcrum_id": "pool-images.gz#20", "id": 44, "label": ["Bag"], "annotator": 3}
            ]
            """;

    @TempDir
    Path folder;

    @Test
    void eachRecordWithAChoiceLabelsTheRowItsIdFieldNames() throws IOException {
        Path file = Files.writeString(folder.resolve("export.json"), EXPORT.replace("{\"choices\": [\"Bag\"]}", "\"Bag\""));
        CorrectionsFile read = LabelStudioCorrections.read(file, "specific", "fulcrum_id", "label");
        assertEquals(List.of("pool-images.gz#17", "pool-images.gz#18", "pool-images.gz#20"), read.rows().stream().map(Correction::id).toList(),
                "the record without a choice was not labelled");
        Correction first = read.rows().get(0);
        assertEquals(List.of(2L, "specific", Action.LABEL, "Sneaker", "kim@example.org", "2026-11-30T10:02:03.000000Z"),
                List.of(first.line(), first.task(), first.action(), first.label(), first.annotator(), first.time()));
        assertEquals("3", read.rows().get(1).annotator(), "a numeric annotator id is kept as text");
        assertEquals(CorrectionsFormat.LABEL_STUDIO, read.format());
    }

    @Test
    void aMalformedExportNamesJacksonsLineAndColumn() throws IOException {
        Path file = Files.writeString(folder.resolve("broken.json"), "[\n  {\"fulcrum_id\": \"a#1\", \"label\": \"Bag\"\n  {\"x\": 1}\n]");
        DataFileException error = assertThrows(DataFileException.class, () -> LabelStudioCorrections.read(file, "specific", "fulcrum_id", "label"));
        assertEquals(file + ": row 3, column 3: Unexpected character ('{' (code 123)): was expecting comma to separate Object entries",
                error.getMessage());
    }

    @Test
    void aChoiceThatIsNotAClassNameIsRefusedWithItsRecordsLine() throws IOException {
        Path file = Files.writeString(folder.resolve("export.json"), EXPORT);
        DataFileException error = assertThrows(DataFileException.class, () -> LabelStudioCorrections.read(file, "specific", "fulcrum_id", "label"));
        assertEquals(file + ": row 13, column label: expected a class name (a Choices tag's choice), got {\"choices\":[\"Bag\"]}", error.getMessage());
    }

    @Test
    void aRecordWithoutTheIdFieldAndAnExportThatIsNoArrayAreRefused() throws IOException {
        Path noId = Files.writeString(folder.resolve("a.json"), "[{\"id\": 1, \"label\": \"Bag\"}]");
        assertEquals(noId + ": row 1, column row_id: missing: the record names no Fulcrum row id (import the rows with their id in this "
                        + "data field, or set the feedback entry's id-field)",
                assertThrows(DataFileException.class, () -> LabelStudioCorrections.read(noId, "specific", "row_id", "label")).getMessage());
        Path object = Files.writeString(folder.resolve("b.json"), "{\"label\": \"Bag\"}");
        assertEquals(object + ": row 1, column 1: expected a JSON array of records (Label Studio's JSON-MIN export)",
                assertThrows(DataFileException.class, () -> LabelStudioCorrections.read(object, "specific", "fulcrum_id", "label")).getMessage());
    }
}
