package dev.fulcrum.core.tune;

import org.postgresql.jdbcurlresolver.PgPassParser;

import java.util.Map;

/**
 * Who a worker is to the study's database, from the environment as libpq reads it
 * (https://www.postgresql.org/docs/current/libpq-envars.html): the user is {@code PGUSER}, else
 * the operating system's user; the password is {@code PGPASSWORD}, else the line for this host,
 * port, database and user in the password file ({@code PGPASSFILE}, else {@code ~/.pgpass}, in
 * libpq's {@code hostname:port:database:username:password} format, read by the JDBC driver's own
 * parser), else none. Never from the pipeline or the study, which are written to files.
 *
 * @param password {@code null} when neither gives one (a server that trusts the host needs none)
 */
public record PostgresLogin(String user, String password) {

    public static PostgresLogin fromEnvironment(PostgresUrl url) {
        return from(System.getenv(), url);
    }

    public static PostgresLogin from(Map<String, String> environment, PostgresUrl url) {
        String user = environment.getOrDefault("PGUSER", System.getProperty("user.name"));
        String password = environment.get("PGPASSWORD");
        if (password == null) {
            password = PgPassParser.getPassword(url.host(), String.valueOf(url.port()), url.database(), user);
        }
        return new PostgresLogin(user, password);
    }

    /** Never the password: a login may end up in a log line. */
    @Override
    public String toString() {
        return "user " + user;
    }
}
