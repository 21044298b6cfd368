package dev.fulcrum.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A table of a page, written by {@code table.jte}: a header row and rows of cells. {@code id} may be {@code null}.
 */
record Table(String id, List<String> headers, List<List<Cell>> rows) {

    /**
     * One cell: its text, the raw number for a {@code data-value} attribute and a CSS class, each but the text
     * {@code null} where it has none.
     */
    record Cell(String text, String raw, String css) {

        static Cell label(String text) {
            return new Cell(text, null, "label");
        }

        static Cell number(JsonValue value) {
            return new Cell(Format.number(value), value.isNumber() ? Format.raw(value) : null, null);
        }

        static Cell plain(JsonValue value) {
            return new Cell(Format.plain(value), value.isNumber() ? Format.raw(value) : null, null);
        }
    }

    /**
     * Every leaf of a JSON object as a row {@code path, value}, nested members joined by {@code .} (arrays as their
     * JSON text), for records of any shape: threads, resources, libraries.
     */
    static Table keyValues(String id, String keyHeader, JsonValue object) {
        List<List<Cell>> rows = new ArrayList<>();
        flatten("", object, rows);
        return new Table(id, List.of(keyHeader, "value"), rows);
    }

    private static void flatten(String prefix, JsonValue value, List<List<Cell>> rows) {
        for (Map.Entry<String, JsonValue> field : value.fields().entrySet()) {
            String key = prefix + field.getKey();
            JsonValue member = field.getValue();
            if (member.isObject()) {
                flatten(key + ".", member, rows);
            } else {
                Cell cell = member.text().isPresent() ? Cell.plain(member) : Cell.label(member.toString());
                rows.add(List.of(Cell.label(key), new Cell(cell.text(), cell.raw(), "label")));
            }
        }
    }
}
