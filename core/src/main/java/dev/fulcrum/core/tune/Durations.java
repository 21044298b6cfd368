package dev.fulcrum.core.tune;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Spans of wall time as a person writes them: {@code 45s}, {@code 30m}, {@code 2h}, {@code 1.5h}, {@code 500ms}. */
public final class Durations {

    private static final Pattern SPAN = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    private Durations() {
    }

    /** @throws IllegalArgumentException with what was expected, for a text of another form */
    public static Duration parse(String text) {
        Matcher matcher = SPAN.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("expected a duration such as 45s, 30m or 2h, got \"" + text + "\"");
        }
        double amount = Double.parseDouble(matcher.group(1));
        double millis = switch (matcher.group(2)) {
            case "ms" -> amount;
            case "s" -> amount * 1e3;
            case "m" -> amount * 60e3;
            default -> amount * 3600e3;
        };
        if (millis < 1) {
            throw new IllegalArgumentException("expected a duration of at least 1ms, got \"" + text + "\"");
        }
        return Duration.ofMillis(Math.round(millis));
    }
}
