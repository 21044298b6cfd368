package dev.fulcrum.html;

/**
 * One number of a page with its label: {@code raw} goes to a {@code data-value} attribute (the value as the file
 * has it, for tests and scripts), {@code text} is what a reader sees.
 */
record Figure(String key, String label, String raw, String text) {

    static Figure of(String key, String label, JsonValue value) {
        return new Figure(key, label, Format.raw(value), Format.number(value));
    }
}
