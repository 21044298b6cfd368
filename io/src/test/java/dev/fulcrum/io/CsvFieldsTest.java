package dev.fulcrum.io;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvFieldsTest {

    @Test
    void quotesOnlyFieldsWithACommaAQuoteOrALineBreakAndDoublesTheirQuotes() {
        assertEquals("plain", CsvFields.quoted("plain"));
        assertEquals("\"a,b\"", CsvFields.quoted("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvFields.quoted("say \"hi\""));
        assertEquals("\"two\nlines\"", CsvFields.quoted("two\nlines"));
        assertEquals("\"cr\r\"", CsvFields.quoted("cr\r"));
    }

    @Test
    void aLineJoinsTheQuotedFieldsWithCommas() {
        assertEquals("id,\"given Coat, p=0.03\",,", CsvFields.line(List.of("id", "given Coat, p=0.03", "", "")));
    }
}
