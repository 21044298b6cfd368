package dev.fulcrum.core.feedback;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.api.DataFileException;
import dev.fulcrum.core.run.Digests;
import dev.fulcrum.core.run.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Label Studio's JSON-MIN export: a JSON array with one flat record per annotation, holding the task's data
 * fields (those imported with the task, e.g. {@code image} and the Fulcrum row id), the task's {@code id}, each
 * control tag's result under the tag's {@code from_name} (a single {@code Choices} choice as its text, several as a
 * list), and {@code annotator}, {@code annotation_id}, {@code created_at}, {@code updated_at}, {@code lead_time}.
 * Format: Label Studio's export guide ("JSON-MIN"), and {@code convert_to_json_min} in HumanSignal's
 * label-studio-converter ({@code label_studio_converter/converter.py}), which builds each record that way.
 *
 * <p>Each record with a chosen class labels the row whose id is in the data field {@code idField}
 * ({@link Action#LABEL}); a record without a choice under {@code labelField} was not labelled and is skipped.
 * {@code annotator} and {@code updated_at} go to the trail. Syntax errors name Jackson's line and column.
 */
public final class LabelStudioCorrections {

    private LabelStudioCorrections() {
    }

    public static CorrectionsFile read(Path file, String task, String idField, String labelField) {
        CorrectionsFile.Columns names = new CorrectionsFile.Columns(idField, null, null, labelField, null);
        if (task == null) {
            throw new DataFileException(file, 0, null, "a Label Studio export names no task; give the feedback entry a task (specific or general)");
        }
        List<Correction> rows = new ArrayList<>();
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw at(file, parser.currentTokenLocation(), "expected a JSON array of records (Label Studio's JSON-MIN export)");
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                JsonLocation start = parser.currentTokenLocation();
                if (parser.currentToken() != JsonToken.START_OBJECT) {
                    throw at(file, start, "expected a record (a JSON object), got " + parser.currentToken().asString());
                }
                JsonNode record = parser.readValueAsTree();
                Correction row = row(file, start.getLineNr(), record, task, idField, labelField);
                if (row != null) {
                    rows.add(row);
                }
            }
            if (parser.nextToken() != null) {
                throw at(file, parser.currentTokenLocation(), "unexpected content after the array");
            }
        } catch (JsonProcessingException e) {
            throw at(file, e.getLocation(), e.getOriginalMessage());
        } catch (IOException e) {
            throw new DataFileException(file, "cannot read: " + e.getMessage(), e);
        }
        return new CorrectionsFile(file, Digests.sha256(file), CorrectionsFormat.LABEL_STUDIO, CorrectionsFile.once(file, rows, names), names);
    }

    private static Correction row(Path file, long line, JsonNode record, String task, String idField, String labelField) {
        JsonNode choice = record.get(labelField);
        if (choice == null || choice.isNull() || (choice.isArray() && choice.isEmpty()) || (choice.isTextual() && choice.asText().isEmpty())) {
            return null;
        }
        if (choice.isArray()) {
            if (choice.size() > 1) {
                throw new DataFileException(file, line, labelField, "the annotation chose " + choice.size() + " classes " + choice
                        + "; a row takes one");
            }
            choice = choice.get(0);
        }
        if (!choice.isTextual()) {
            throw new DataFileException(file, line, labelField, "expected a class name (a Choices tag's choice), got " + choice);
        }
        JsonNode id = record.get(idField);
        if (id == null || id.isNull() || !id.isValueNode() || id.asText().isEmpty()) {
            throw new DataFileException(file, line, idField, "missing: the record names no Fulcrum row id "
                    + "(import the rows with their id in this data field, or set the feedback entry's id-field)");
        }
        return new Correction(line, task, id.asText(), Action.LABEL, choice.asText(), null,
                text(record.get("annotator")), null, text(record.get("updated_at")));
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
    }

    private static DataFileException at(Path file, JsonLocation location, String problem) {
        if (location == null) {
            return new DataFileException(file, 0, null, problem);
        }
        return new DataFileException(file, location.getLineNr(), String.valueOf(location.getColumnNr()), problem);
    }
}
