package dev.fulcrum.testkit;

import dev.fulcrum.core.tune.PostgresUrl;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What a study's PostgreSQL URL may say, and the one-line reasons for what it may not. */
class PostgresUrlTest {

    @Test
    void aUrlNamesHostPortDatabaseAndMaybeAStudy() {
        assertEquals(new PostgresUrl("db.lab", 5432, "studies", null), PostgresUrl.parse("postgresql://db.lab/studies"));
        assertEquals(new PostgresUrl("10.0.0.7", 6543, "studies", "fashion"),
                PostgresUrl.parse("postgresql://10.0.0.7:6543/studies?study=fashion"));
        assertEquals("postgresql://db.lab:5432/studies?study=fashion",
                PostgresUrl.parse("postgresql://db.lab/studies").withStudy("fashion").toString());
    }

    @Test
    void credentialsInTheUrlAreRefused() {
        assertEquals("a user or password does not go in the URL (it would be written to the pipeline, the study's files "
                + "and provenance): set PGUSER and PGPASSWORD, or PGPASSFILE, instead", refusal("postgresql://me:pw@db/s"));
    }

    @Test
    void malformedUrlsSayWhatIsWrong() {
        assertEquals("expected postgresql://host[:port]/database, got \"mysql://db/studies\"", refusal("mysql://db/studies"));
        assertEquals("no host in \"postgresql:///studies\"; expected postgresql://host[:port]/database",
                refusal("postgresql:///studies"));
        assertEquals("expected one database name after the host, as in postgresql://host[:port]/database, got "
                + "\"postgresql://db\"", refusal("postgresql://db"));
        assertEquals("expected one database name after the host, as in postgresql://host[:port]/database, got "
                + "\"postgresql://db/a/b\"", refusal("postgresql://db/a/b"));
        assertEquals("the one query a study URL takes is ?study=NAME, got \"?name=x\"", refusal("postgresql://db/s?name=x"));
        assertEquals("a study's name has letters, digits, '.', '_' and '-' only, got \"\" in \"postgresql://db/s?study=\"",
                refusal("postgresql://db/s?study="));
    }

    private static String refusal(String url) {
        return assertThrows(IllegalArgumentException.class, () -> PostgresUrl.parse(url)).getMessage();
    }
}
