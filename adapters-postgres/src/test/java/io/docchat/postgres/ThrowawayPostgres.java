package io.docchat.postgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server for tests, started once per JVM from the binaries of Debian's {@code postgresql} package
 * ({@code initdb}, {@code pg_ctl}) in a temporary directory, on a free port of 127.0.0.1, and removed at exit.
 *
 * <p>{@code initdb} refuses to run as root; as root (as CI runs) the server runs as the {@code postgres} system user
 * that the Debian package creates, through {@code runuser}. Durability is switched off ({@code fsync=off}): the tests
 * check behaviour, not the disk. Each test asks for its own database with {@link #newDatabase()}.
 *
 * <p>Where the binaries are absent, {@link #shared()} skips the calling test with a JUnit assumption that says so.
 */
public final class ThrowawayPostgres {
    private static final Logger log = LoggerFactory.getLogger(ThrowawayPostgres.class);
    private static final String SUPERUSER = "docchat";
    private static final List<Path> BINARY_DIRECTORIES = List.of(Path.of("/usr/lib/postgresql"));
    private static final AtomicInteger databases = new AtomicInteger();
    private static ThrowawayPostgres shared;
    private static String unavailable;

    private final Path directory;
    private final Path binaries;
    private final int port;
    private final List<String> runAs;

    private ThrowawayPostgres(Path directory, Path binaries, int port, List<String> runAs) {
        this.directory = directory;
        this.binaries = binaries;
        this.port = port;
        this.runAs = runAs;
    }

    /** The server of this JVM, started on first use; skips the calling test where PostgreSQL is not installed. */
    public static synchronized ThrowawayPostgres shared() {
        if (shared == null && unavailable == null) {
            try {
                shared = start();
            } catch (IOException | RuntimeException e) {
                unavailable = e.getMessage();
                log.warn("PostgreSQL tests are SKIPPED: {}", unavailable);
            }
        }
        Assumptions.assumeTrue(shared != null, () -> "SKIPPED: no PostgreSQL server for this test: " + unavailable
                + ". Install Debian's postgresql package (.ci/run does) to run it.");
        return shared;
    }

    /** A new, empty database on the server, as a {@code postgresql://} address. */
    public String newDatabase() {
        String name = "test_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return "postgresql://" + SUPERUSER + "@127.0.0.1:" + port + "/" + name;
    }

    public int port() {
        return port;
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static ThrowawayPostgres start() throws IOException {
        Path binaries = findBinaries().orElseThrow(() -> new IllegalStateException(
                "initdb and pg_ctl were not found under /usr/lib/postgresql/<version>/bin"));
        List<String> runAs = new ArrayList<>();
        Path directory = Files.createTempDirectory("docchat-postgres-");
        if ("root".equals(System.getProperty("user.name"))) {
            UserPrincipal postgres;
            try {
                postgres = directory.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            } catch (IOException e) {
                throw new IllegalStateException("running as root, and there is no 'postgres' user to run the server"
                        + " as (initdb refuses root)", e);
            }
            Files.setOwner(directory, postgres);
            runAs.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        Path data = directory.resolve("data");
        int port = freePort();
        ThrowawayPostgres server = new ThrowawayPostgres(directory, binaries, port, List.copyOf(runAs));
        server.run("initdb", "-D", data.toString(), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8", "--no-locale",
                "--no-sync");
        server.run("pg_ctl", "-D", data.toString(), "-l", directory.resolve("server.log").toString(), "-w",
                "-t", "60", "-o", "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1"
                        + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                "start");
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "throwaway-postgres-stop"));
        log.info("Started a throwaway PostgreSQL server on 127.0.0.1:{} in {}", port, directory);
        return server;
    }

    private void stop() {
        try {
            run("pg_ctl", "-D", directory.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } catch (IOException | RuntimeException e) {
            log.warn("Stopping the throwaway PostgreSQL server failed", e);
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not remove {}", directory, e);
        }
    }

    private void run(String program, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(runAs);
        command.add(binaries.resolve(program).toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try {
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(program + " did not finish within two minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException(program + " was interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(program + " failed with exit code " + process.exitValue() + ": " + output);
        }
    }

    /** The newest installed version's binary directory. */
    private static Optional<Path> findBinaries() throws IOException {
        for (Path root : BINARY_DIRECTORIES) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> versions = Files.list(root)) {
                Optional<Path> newest = versions
                        .map(version -> version.resolve("bin"))
                        .filter(bin -> Files.isExecutable(bin.resolve("initdb"))
                                && Files.isExecutable(bin.resolve("pg_ctl")))
                        .max(Comparator.comparing(ThrowawayPostgres::majorVersion));
                if (newest.isPresent()) {
                    return newest;
                }
            }
        }
        return Optional.empty();
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
