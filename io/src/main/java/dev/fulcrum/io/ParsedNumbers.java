package dev.fulcrum.io;

/**
 * Numbers parsed before, found by the very string: the reader gives every repeat of a value one
 * string ({@link ValueCache}), so a column of few distinct values is parsed about once per value.
 * A slot holds one immutable pair, so reads from several threads at once are safe.
 */
final class ParsedNumbers {

    private record Parsed(String text, float value) {
    }

    private final Parsed[] slots = new Parsed[256];

    /** {@link Float#parseFloat}'s value of the text, or its exception. */
    float parse(String text) {
        int slot = text.hashCode() & (slots.length - 1);
        Parsed known = slots[slot];
        if (known != null && known.text() == text) {
            return known.value();
        }
        float value = Float.parseFloat(text);
        slots[slot] = new Parsed(text, value);
        return value;
    }
}
