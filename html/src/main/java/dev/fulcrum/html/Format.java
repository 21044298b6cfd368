package dev.fulcrum.html;

import java.util.Locale;
import java.util.OptionalDouble;

/** How pages write numbers: one place, so every table and header reads alike. */
final class Format {

    static final String NONE = "-";

    private Format() {
    }

    /** A metric (accuracy, F1, a ratio) to four decimals; {@code -} where undefined. */
    static String number(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.4f", value.getAsDouble()) : NONE;
    }

    /** A number from a file: a whole number (a count) as it stands, any other to four decimals. */
    static String number(JsonValue value) {
        if (value.isIntegral()) {
            return value.toString();
        }
        if (value.isNumber()) {
            return number(value.number());
        }
        return value.textOr(NONE);
    }

    /** A count or any value as it stands in the file. */
    static String plain(JsonValue value) {
        return value.textOr(NONE);
    }

    /** Seconds with a unit that reads well: {@code 0.45 s}, {@code 12.3 s}, {@code 2 min 5 s}. */
    static String seconds(double seconds) {
        if (seconds < 10) {
            return String.format(Locale.ROOT, "%.2f s", seconds);
        }
        if (seconds < 120) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long whole = Math.round(seconds);
        return whole / 60 + " min " + whole % 60 + " s";
    }

    static String seconds(JsonValue value) {
        return value.isNumber() ? seconds(value.number().getAsDouble()) : NONE;
    }

    /** The raw value for a {@code data-value} attribute, as tests and scripts read it; empty where undefined. */
    static String raw(JsonValue value) {
        return value.isNumber() ? value.toString() : "";
    }
}
