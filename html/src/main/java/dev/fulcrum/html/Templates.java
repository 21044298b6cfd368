package dev.fulcrum.html;

import gg.jte.Content;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * The page templates ({@code src/main/jte}), compiled to classes of this package at build time by
 * {@code jte-maven-plugin}, so rendering needs no compiler. {@link ContentType#Html}: every {@code ${}} value is
 * escaped for where it stands (text, attribute, script); only {@code $unsafe{}} is not, and it is used solely for the
 * inlined assets and JSON already escaped by {@link ChartJson}.
 */
public final class Templates {

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html,
            Templates.class.getClassLoader(), Templates.class.getPackageName());

    private Templates() {
    }

    /** A template with its one parameter, as content another template embeds with {@code ${...}}. */
    public static Content content(String template, Object model) {
        return output -> ENGINE.render(template, model, output);
    }

    /** A template with its one parameter, rendered whole. */
    public static String render(String template, Object model) {
        StringOutput output = new StringOutput(1 << 20);
        ENGINE.render(template, model, output);
        return output.toString();
    }
}
