package io.docchat.cli.commands;

import io.docchat.cli.Backend;
import io.docchat.cli.CliException;
import io.docchat.cli.DataHome;
import io.docchat.cli.DocChatCli;
import io.docchat.cli.ExitCodes;
import io.docchat.cli.StoreSettings;
import io.docchat.cli.Interrupts;
import io.docchat.cli.Terminal;
import io.docchat.http.DocChatHttpServer;
import io.docchat.http.HttpServerConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code docchat serve}: the HTTP API on the data directory until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {
            "Serve the HTTP API (the aidoc protocol of the official SDKs) on the data directory until Ctrl-C.",
            "Without credentials the server runs in local mode: loopback only, no authentication."
        })
public final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    private DocChatCli root;

    @Option(names = "--host", defaultValue = HttpServerConfig.DEFAULT_HOST, paramLabel = "ADDRESS",
            description = "Address to listen on (default: ${DEFAULT-VALUE}); other than loopback needs credentials.")
    String host;

    @Option(names = {"-p", "--port"}, defaultValue = "" + HttpServerConfig.DEFAULT_PORT,
            description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "Base of the file and page-image URLs handed out, when clients reach the server through a proxy.")
    String publicUrl;

    @Option(names = "--allow-fetch", paramLabel = "PREFIX",
            description = "URL prefix that SubmitDocParsingTask's fileUrl may start with (repeatable); none = downloads off.")
    java.util.List<String> allowedFetchPrefixes = new java.util.ArrayList<>();

    /** Runs until Ctrl-C or a termination signal, then stops the server before the engine. */
    @Override
    public Integer call() throws Exception {
        Backend backend = root().openBackend();
        DocChatHttpServer server;
        try {
            HttpServerConfig config = HttpServerConfig.defaults()
                    .withHost(host)
                    .withPort(port)
                    .withSignedUrlSecret(backend.urlSigningKey().orElseGet(() -> urlSecret(root().home())))
                    .withAllowedFetchPrefixes(allowedFetchPrefixes);
            if (publicUrl != null) {
                config = config.withPublicBaseUrl(publicUrl);
            }
            server = DocChatHttpServer.start(backend.docChat(), config);
        } catch (IllegalStateException e) {
            backend.close();
            throw new CliException(ExitCodes.FAILURE, e.getMessage(), e);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
        Shutdown shutdown = new Shutdown(server, backend);
        Thread hook = new Thread(shutdown::closeAll, "docchat-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (Interrupts.Scope scope = root().environment().interrupts().whileRunning(shutdown::requestStop)) {
            describe(server);
            shutdown.awaitStopRequest();
        } finally {
            terminal().err().println("Stopping: answers in progress get a few seconds to finish...");
            terminal().err().flush();
            shutdown.closeAll();
            removeHook(hook);
        }
        terminal().err().println("Stopped.");
        terminal().err().flush();
        return ExitCodes.OK;
    }

    private DocChatCli root() {
        return root;
    }

    private Terminal terminal() {
        return root.terminal();
    }

    private void describe(DocChatHttpServer server) {
        Terminal terminal = terminal();
        PrintWriter out = terminal.out();
        out.println(terminal.bold("docchat serving on " + server.baseUri()));
        if (server.localMode()) {
            out.println("Auth:  " + terminal.yellow("local mode") + " — no credentials exist, so requests need no"
                    + " authentication and act for the account 'local' (loopback only).");
        } else {
            out.println("Auth:  AccessKey signatures (official SDKs) or bearer tokens are required.");
        }
        out.println("Keys:  docchat keys create            (AccessKeyId + AccessKeySecret for the SDKs)");
        out.println("       docchat keys create --bearer   (Authorization: Bearer token)  — then restart serve");
        out.println("Model: " + root().modelSettings().describe() + "   Data: " + root().home().root());
        StoreSettings store = root().storeSettings();
        if (store.shared()) {
            out.println("Store: shared PostgreSQL database; other servers on it answer from the same knowledge base");
        }
        out.println("Check: curl " + server.baseUri() + "/health");
        out.println(terminal.dim("Press Ctrl-C to stop."));
        out.flush();
    }

    /** The signing key of file URLs, kept in the data directory so URLs stay valid across restarts. */
    private static byte[] urlSecret(DataHome home) {
        Path file = home.root().resolve("url-signing.key");
        try {
            if (Files.isRegularFile(file) && Files.size(file) >= 32) {
                return Files.readAllBytes(file);
            }
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            Files.write(file, secret);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the data directory's own permissions protect the key.
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file + ": " + e.getMessage(), e);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down (SIGTERM): the hook is running or has run.
        }
    }

    /** Stops the server, then the engine, once, whether Ctrl-C, a signal or a failure asks first. */
    private static final class Shutdown {
        private final DocChatHttpServer server;
        private final Backend backend;
        private final CountDownLatch stopRequested = new CountDownLatch(1);
        private boolean closed;

        Shutdown(DocChatHttpServer server, Backend backend) {
            this.server = server;
            this.backend = backend;
        }

        void requestStop() {
            stopRequested.countDown();
        }

        void awaitStopRequest() throws InterruptedException {
            stopRequested.await();
        }

        synchronized void closeAll() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                server.close();
            } finally {
                backend.close();
            }
        }
    }
}
