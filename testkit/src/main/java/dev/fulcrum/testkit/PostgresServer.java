package dev.fulcrum.testkit;

import dev.fulcrum.core.tune.PostgresLogin;
import dev.fulcrum.core.tune.PostgresUrl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests: a cluster made by {@code initdb} in a temporary folder,
 * listening on a free loopback port with its socket in that folder, a user with a password checked
 * by SCRAM-SHA-256 on every TCP connection, stopped and deleted when the JVM ends. PostgreSQL
 * refuses to run as root, so as root the cluster belongs to the {@code postgres} user and its
 * commands run through {@code runuser}. The tests' server has durability off (fsync, synchronous
 * commit): it loses nothing it needs when the machine crashes; a benchmark's keeps PostgreSQL's
 * defaults.
 *
 * <p>One test server per JVM ({@link #shared()}); each test class takes a database of its own.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "fulcrum";
    public static final String PASSWORD = "s3cret-for-tests";
    private static final Path DEBIAN_SERVERS = Path.of("/usr/lib/postgresql");
    private static final long COMMAND_SECONDS = 120;
    private static PostgresServer shared;

    private final Path bin;
    private final Path folder;
    private final int port;
    private final boolean asPostgresUser;
    private final boolean durable;

    private PostgresServer(Path bin, Path folder, int port, boolean asPostgresUser, boolean durable) {
        this.bin = bin;
        this.folder = folder;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
        this.durable = durable;
    }

    /** The JVM's server, started on first use. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start(false);
        }
        return shared;
    }

    /**
     * A server of its own, for a benchmark: stopped by {@link #close} or the JVM's exit.
     *
     * @param durable whether commits reach the disk before they return, as PostgreSQL's defaults have it
     */
    public static PostgresServer start(boolean durable) {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException("the PostgreSQL server is not installed "
                + "(no initdb under " + DEBIAN_SERVERS + "/*/bin): apt-get install postgresql"));
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Path folder = Files.createTempDirectory("fulcrum-pg");
            PostgresServer server = new PostgresServer(bin, folder, freePort(), root, durable);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop PostgreSQL"));
            server.initAndStart();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a PostgreSQL server for the tests", e);
        }
    }

    /** The newest Debian server's bin folder, else the one of an {@code initdb} on the PATH. */
    static Optional<Path> binaries() {
        if (Files.isDirectory(DEBIAN_SERVERS)) {
            try (Stream<Path> versions = Files.list(DEBIAN_SERVERS)) {
                Optional<Path> newest = versions.map(version -> version.resolve("bin"))
                        .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                        .max(Comparator.comparingInt(PostgresServer::majorVersion));
                if (newest.isPresent()) {
                    return newest;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).map(Path::of)
                .filter(dir -> Files.isExecutable(dir.resolve("initdb"))).findFirst();
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void initAndStart() throws IOException {
        Path passwordFile = folder.resolve("password");
        Files.writeString(passwordFile, PASSWORD + "\n", StandardCharsets.UTF_8);
        if (asPostgresUser) {
            run(List.of("chown", "-R", "postgres:postgres", folder.toString()), false);
        }
        run(List.of(bin.resolve("initdb").toString(), "-D", data().toString(), "-U", USER, "--pwfile=" + passwordFile,
                "--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8", "--locale=C", "--no-sync"), true);
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-l", folder.resolve("server.log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c max_connections=60"
                        + (durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"), "start"), true);
    }

    private Path data() {
        return folder.resolve("data");
    }

    @Override
    public void close() {
        stop();
    }

    /** Stops the server at once and deletes its folder; the JVM's exit does it too. */
    synchronized void stop() {
        if (!Files.exists(folder)) {
            return;
        }
        try {
            if (Files.exists(data().resolve("postmaster.pid"))) {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "immediate", "-w", "stop"), true);
            }
        } finally {
            deleteTree(folder);
        }
    }

    private void run(List<String> command, boolean asServerUser) {
        List<String> full = new ArrayList<>();
        if (asServerUser && asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Path log = Files.createTempFile("fulcrum-pg-command", ".log");
            try {
                Process process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (!process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", full) + " did not end in " + COMMAND_SECONDS + " s");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", full) + " exited with " + process.exitValue() + ":\n"
                            + Files.readString(log, StandardCharsets.UTF_8));
                }
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** A new, empty database on the server, for one test class or study. */
    public PostgresUrl createDatabase(String name) {
        sql("postgres", "CREATE DATABASE \"" + name + "\"");
        return url(name);
    }

    /** The URL of database {@code name} (which may not exist). */
    public PostgresUrl url(String name) {
        return PostgresUrl.parse(PostgresUrl.SCHEME + "://127.0.0.1:" + port + "/" + name);
    }

    /** The login the server accepts. */
    public PostgresLogin login() {
        return new PostgresLogin(USER, PASSWORD);
    }

    /** The environment that gives a Fulcrum process the server's login. */
    public Map<String, String> loginEnvironment() {
        return Map.of("PGUSER", USER, "PGPASSWORD", PASSWORD);
    }

    /** Runs {@code statement} on {@code database} as the server's user. */
    public void sql(String database, String statement) {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database,
                USER, PASSWORD);
             Statement sql = connection.createStatement()) {
            sql.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + statement + ": " + e.getMessage(), e);
        }
    }
}
