package dev.fulcrum.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions of Fulcrum and of the libraries it was built with, from the build. */
public final class FulcrumVersion {

    private static final Properties PROPERTIES = load();

    private FulcrumVersion() {
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = FulcrumVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from fulcrum-core");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    public static String fulcrum() {
        return PROPERTIES.getProperty("fulcrum.version");
    }

    public static String dl4j() {
        return PROPERTIES.getProperty("dl4j.version");
    }

    public static String pf4j() {
        return PROPERTIES.getProperty("pf4j.version");
    }
}
