package dev.fulcrum.core.tune;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * Where a study on PostgreSQL lives: {@code postgresql://host[:port]/database}, and for a worker
 * joining it {@code postgresql://host[:port]/database?study=NAME}. Never a user or a password: the
 * URL is written in the pipeline, the study's outputs and each trial's provenance, so credentials
 * come from the environment ({@link PostgresLogin}).
 *
 * @param study the study's name, or {@code null} where the URL names only the database
 */
public record PostgresUrl(String host, int port, String database, String study) {

    public static final String SCHEME = "postgresql";
    static final int DEFAULT_PORT = 5432;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final String FORM = "postgresql://host[:port]/database";

    /** Whether {@code text} is meant as a PostgreSQL URL (and so must parse as one). */
    public static boolean names(String text) {
        return text.startsWith(SCHEME + ":");
    }

    /**
     * @throws IllegalArgumentException saying what is wrong with {@code text}, for the caller to locate
     */
    public static PostgresUrl parse(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL of the form " + FORM + ": " + e.getMessage(), e);
        }
        if (!SCHEME.equals(uri.getScheme())) {
            throw new IllegalArgumentException("expected " + FORM + ", got \"" + text + "\"");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("a user or password does not go in the URL (it would be written to the "
                    + "pipeline, the study's files and provenance): set PGUSER and PGPASSWORD, or PGPASSFILE, instead");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("no host in \"" + text + "\"; expected " + FORM);
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (!path.startsWith("/") || path.length() == 1 || path.indexOf('/', 1) >= 0) {
            throw new IllegalArgumentException("expected one database name after the host, as in " + FORM + ", got \""
                    + text + "\"");
        }
        return new PostgresUrl(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), path.substring(1),
                study(uri.getQuery(), text));
    }

    private static String study(String query, String text) {
        if (query == null) {
            return null;
        }
        if (!query.startsWith("study=") || query.contains("&")) {
            throw new IllegalArgumentException("the one query a study URL takes is ?study=NAME, got \"?" + query + "\"");
        }
        String name = query.substring("study=".length());
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a study's name has letters, digits, '.', '_' and '-' only, got \""
                    + name + "\" in \"" + text + "\"");
        }
        return name;
    }

    /** This database with {@code name} as its study. */
    public PostgresUrl withStudy(String name) {
        return new PostgresUrl(host, port, database, name);
    }

    /** The database alone: what a pipeline's {@code tune.storage} says. */
    public PostgresUrl withoutStudy() {
        return new PostgresUrl(host, port, database, null);
    }

    String jdbc() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return SCHEME + "://" + host + ":" + port + "/" + database + (study == null ? "" : "?study=" + study);
    }
}
