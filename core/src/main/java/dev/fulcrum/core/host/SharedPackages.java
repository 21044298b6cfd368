package dev.fulcrum.core.host;

import java.util.List;

/**
 * Packages the host provides to every plugin: the Fulcrum API, math, io and html modules (html with the JTE runtime
 * its compiled templates run on), DL4J and ND4J (with their natives), SLF4J, Guice and PF4J. They load from the host, never from a plugin jar, so both
 * sides share their types and ND4J's native backend loads once. A plugin jar must not bundle them.
 */
public final class SharedPackages {

    public static final List<String> PREFIXES = List.of(
            "dev.fulcrum.api.",
            "dev.fulcrum.math.",
            "dev.fulcrum.io.",
            "dev.fulcrum.html.",
            "gg.jte.",
            "org.nd4j.",
            "org.deeplearning4j.",
            "org.bytedeco.",
            "org.slf4j.",
            "com.google.inject.",
            "jakarta.inject.",
            "javax.inject.",
            "org.pf4j.");

    private SharedPackages() {
    }

    public static boolean isShared(String className) {
        for (String prefix : PREFIXES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
