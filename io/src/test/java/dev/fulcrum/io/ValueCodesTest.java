package dev.fulcrum.io;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Codes in order of first appearance, whether a value takes the one-character path or the hash table's. */
class ValueCodesTest {

    private static int code(ValueCodes codes, String value) {
        // The value sits inside a larger buffer, as FastCSV hands it.
        char[] buffer = ("<<" + value + ">>").toCharArray();
        return codes.code(buffer, 2, 2 + value.length());
    }

    @Test
    void oneCharacterAndLongerValuesShareOneSequenceOfCodes() {
        ValueCodes codes = new ValueCodes();
        String[] values = {"1", "10", "", "a", "ü", "\u007f", "0", " ", "ab", "b"};
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < values.length; i++) {
                assertEquals(i, code(codes, values[i]), values[i] + " in round " + round);
            }
        }
        assertEquals(values.length, codes.size());
        assertArrayEquals(values, codes.values());
    }

    @Test
    void anotherStretchsCodesMapOntoTheseAddingItsNewValues() {
        ValueCodes first = new ValueCodes();
        for (String value : new String[] {"m", "f", "other"}) {
            code(first, value);
        }
        ValueCodes sameOrder = new ValueCodes();
        for (String value : new String[] {"m", "f"}) {
            code(sameOrder, value);
        }
        assertArrayEquals(new int[] {0, 1}, first.codesOf(sameOrder));
        ValueCodes otherOrder = new ValueCodes();
        for (String value : new String[] {"x", "other", "f", "m", "x"}) {
            code(otherOrder, value);
        }
        assertArrayEquals(new int[] {3, 2, 1, 0}, first.codesOf(otherOrder));
        assertArrayEquals(new String[] {"m", "f", "other", "x"}, first.values());
        assertEquals(3, code(first, "x"), "a value added by the mapping is found on the one-character path");
    }
}
