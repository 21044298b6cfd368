package dev.fulcrum.html;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * JSON for a {@code <script type="application/json">} element. An HTML parser ends a script element at the first
 * {@code </script}, whatever JavaScript or JSON says, and {@code <!--} changes how it reads on; so {@code <},
 * {@code >} and {@code &} are written as JSON's {@code \}{@code u003c}, {@code \}{@code u003e} and {@code \}{@code u0026}
 * (the same text to {@code JSON.parse}). U+2028 and U+2029 become {@code \}{@code u2028} and {@code \}{@code u2029}
 * as well, since older JavaScript engines read them as line breaks. These characters can only stand inside JSON
 * string literals, so replacing them keeps the document's meaning exactly (OWASP XSS Prevention Cheat Sheet, "HTML
 * entity encoding of JSON"; WHATWG HTML, "Restrictions for contents of script elements").
 */
public final class ChartJson {

    private ChartJson() {
    }

    /** {@code json} (any JSON text) with every character that could end or alter a script element escaped. */
    public static String forScript(String json) {
        StringBuilder escaped = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> escaped.append("\\u003c");
                case '>' -> escaped.append("\\u003e");
                case '&' -> escaped.append("\\u0026");
                case '\u2028' -> escaped.append("\\u2028");
                case '\u2029' -> escaped.append("\\u2029");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /**
     * A tree of maps, lists, strings, numbers, booleans and {@code null}s as JSON, escaped by {@link #forScript}.
     *
     * @throws IllegalArgumentException when the tree holds something else
     */
    public static String write(Object tree) {
        try {
            return forScript(RunView.JSON.writeValueAsString(tree));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON tree: " + e.getOriginalMessage(), e);
        }
    }
}
