package dev.fulcrum.html;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ChartJsonTest {

    private static final String HOSTILE = "</script><!--<script>&amp;\u2028\u2029";

    @Test
    void nothingThatCouldEndOrAlterAScriptElementSurvives() {
        String escaped = ChartJson.write(Map.of("name", HOSTILE));
        for (String unsafe : List.of("<", ">", "&", "\u2028", "\u2029")) {
            assertFalse(escaped.contains(unsafe), unsafe + " in " + escaped);
        }
        assertEquals("{\"name\":\"\\u003c/script\\u003e\\u003c!--\\u003cscript\\u003e\\u0026amp;\\u2028\\u2029\"}", escaped);
    }

    @Test
    void theEscapedTextParsesBackToTheSameValues() throws Exception {
        Map<String, Object> tree = Map.of("name", HOSTILE, "data", List.of(List.of(0.25, 0.75)));
        assertEquals(new ObjectMapper().valueToTree(tree), new ObjectMapper().readTree(ChartJson.write(tree)));
    }

    @Test
    void aChartIdThatCouldLeaveItsAttributeIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Chart.of("a\" onload=\"x", Map.of()));
        assertEquals("chart id must be letters, digits, - and _, starting with a letter, got \"a\" onload=\"x\"",
                error.getMessage());
    }
}
