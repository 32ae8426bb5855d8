package io.docchat.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.docchat.cli.commands.AskCommand;
import io.docchat.cli.commands.ChatCommand;
import io.docchat.cli.commands.DocsCommand;
import io.docchat.cli.commands.EvalCommand;
import io.docchat.cli.commands.FoldersCommand;
import io.docchat.cli.commands.HistoryCommand;
import io.docchat.cli.commands.IngestCommand;
import io.docchat.cli.commands.KeysCommand;
import io.docchat.cli.commands.MigrateCommand;
import io.docchat.cli.commands.ReindexCommand;
import io.docchat.cli.commands.RmCommand;
import io.docchat.cli.commands.ServeCommand;
import io.docchat.cli.commands.SessionsCommand;
import io.docchat.core.DocChatException;
import io.docchat.documents.OcrSettings;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code docchat} command: chat with a knowledge base of documents, answers citing pages and lines. */
@Command(
        name = "docchat",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Ask questions about your documents; answers cite documents, pages and lines.",
        footer = {
            "",
            "Data lives in $DOCCHAT_HOME (default ~/.docchat), or in PostgreSQL with --store (or DOCCHAT_STORE, or",
            "store in config.properties). Model settings: config.properties there (llm.baseUrl, llm.apiKey,",
            "llm.model), overridden by DOCCHAT_LLM_BASE_URL, DOCCHAT_LLM_API_KEY, DOCCHAT_LLM_MODEL, overridden by",
            "the --llm-* flags. Without a base URL the offline extractive model answers.",
            "Exit codes: 0 ok, 1 failure, 2 usage, 3 not found, 4 some files failed, 130 interrupted."
        })
public final class DocChatCli implements Runnable {

    /** Every subcommand, in the order the usage lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(
            IngestCommand.class,
            AskCommand.class,
            ChatCommand.class,
            SessionsCommand.class,
            HistoryCommand.class,
            FoldersCommand.class,
            DocsCommand.class,
            RmCommand.class,
            ReindexCommand.class,
            ServeCommand.class,
            MigrateCommand.class,
            KeysCommand.class,
            EvalCommand.class,
            CommandLine.HelpCommand.class);

    private final CliEnvironment environment;
    private final Backend.Factory backendFactory;

    @Option(names = "--home", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Data directory (default: $DOCCHAT_HOME or ~/.docchat).")
    private Path home;

    @Option(names = "--store", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Knowledge base: 'embedded' (SQLite in the data directory, the default) or a PostgreSQL"
                    + " database shared by several servers, postgresql://user:password@host:5432/database"
                    + " (default: $DOCCHAT_STORE, or 'store' in config.properties).")
    private String store;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log debug output and show stack traces of errors.")
    private boolean verbose;

    @Option(names = "--llm-base-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "OpenAI-compatible endpoint, e.g. https://api.openai.com/v1.")
    private String llmBaseUrl;

    @Option(names = "--llm-api-key", scope = ScopeType.INHERIT, paramLabel = "KEY",
            description = "API key of the endpoint.")
    private String llmApiKey;

    @Option(names = "--llm-model", scope = ScopeType.INHERIT, paramLabel = "NAME", description = "Model name.")
    private String llmModel;

    @Option(names = "--embedding-base-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "OpenAI-compatible embeddings endpoint (default: the bundled in-process models).")
    private String embeddingBaseUrl;

    @Option(names = "--embedding-api-key", scope = ScopeType.INHERIT, paramLabel = "KEY",
            description = "API key of the embeddings endpoint.")
    private String embeddingApiKey;

    @Option(names = "--embedding-model", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "Embedding model name at that endpoint.")
    private String embeddingModel;

    @Option(names = "--retrieval", scope = ScopeType.INHERIT, paramLabel = "MODE",
            description = "How passages are ranked: lexical, semantic or hybrid (default: $DOCCHAT_RETRIEVAL_MODE "
                    + "or hybrid).")
    private String retrieval;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public DocChatCli(CliEnvironment environment, Backend.Factory backendFactory) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.backendFactory = Objects.requireNonNull(backendFactory, "backendFactory");
    }

    public static void main(String[] args) {
        int code = commandLine(CliEnvironment.system(), Backends::open, args).execute(args);
        System.exit(code);
    }

    /** A ready-to-run command line writing to the environment's terminal, with every subcommand. */
    public static CommandLine commandLine(CliEnvironment environment, Backend.Factory backendFactory) {
        return commandLine(environment, backendFactory, null);
    }

    /**
     * As {@link #commandLine(CliEnvironment, Backend.Factory)}, for these arguments: when they name a subcommand,
     * only that one is built. Picocli builds each command's model by reflection when it is added, which for all
     * thirteen took about a tenth of a second of every start; usage, help and mistyped commands still get them all.
     */
    public static CommandLine commandLine(CliEnvironment environment, Backend.Factory backendFactory, String[] args) {
        Thread logging = args == null ? null : startLogging();
        DocChatCli root = new DocChatCli(environment, backendFactory);
        CommandLine commandLine = new CommandLine(root);
        Optional<Class<?>> named = args == null ? Optional.empty() : namedSubcommand(commandLine, args);
        (named.isPresent() ? List.of(named.get()) : SUBCOMMANDS).forEach(commandLine::addSubcommand);
        commandLine.setOut(environment.terminal().out());
        commandLine.setErr(environment.terminal().err());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionStrategy(parseResult -> {
            awaitLogging(logging);
            root.configureLogging();
            return new CommandLine.RunLast().execute(parseResult);
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> root.report(e));
        commandLine.setParameterExceptionHandler(DocChatCli::reportUsage);
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(environment.terminal().out());
    }

    public CliEnvironment environment() {
        return environment;
    }

    public Terminal terminal() {
        return environment.terminal();
    }

    public DataHome home() {
        return DataHome.resolve(home, environment);
    }

    public boolean verbose() {
        return verbose;
    }

    public ModelSettings modelSettings() {
        return ModelSettings.resolve(home().configFile(), environment, llmBaseUrl, llmApiKey, llmModel)
                .with(ModelSettings.EMBEDDING_BASE_URL, embeddingBaseUrl)
                .with(ModelSettings.EMBEDDING_API_KEY, embeddingApiKey)
                .with(ModelSettings.EMBEDDING_MODEL, embeddingModel)
                .with(ModelSettings.RETRIEVAL_MODE, retrieval);
    }

    /** The {@code ocr.*} settings of the configuration file and the environment. */
    public OcrSettings ocrSettings() {
        return OcrConfiguration.resolve(home().configFile(), environment);
    }

    public StoreSettings storeSettings() {
        return StoreSettings.resolve(home().configFile(), environment, store);
    }

    /** Opens the engine on the data directory and the configured store, creating them on first use. */
    public Backend openBackend() {
        return openBackendFor(null);
    }

    /**
     * As {@link #openBackend()}, for a command that knows the question it will ask first: what answering it needs
     * (the embedding model of its language) is prepared while the store and the index open.
     */
    public Backend openBackendFor(String firstQuestion) {
        DataHome dataHome = home().create();
        return backendFactory.open(dataHome, storeSettings(), modelSettings(), ocrSettings(), firstQuestion);
    }

    /** Opens the engine on another data directory (evaluation runs use a fresh temporary one, always embedded). */
    public Backend openBackend(DataHome dataHome) {
        return openBackend(dataHome, modelSettings());
    }

    /** Opens the engine on another data directory with these model settings (always embedded). */
    public Backend openBackend(DataHome dataHome, ModelSettings model) {
        return backendFactory.open(dataHome.create(), StoreSettings.EMBEDDED, model, ocrSettings(), null);
    }

    /**
     * The subcommand the arguments run, found by skipping the top-level options (and their values) before it; empty
     * when they run none, or ask for help or the version, or hold anything the top-level command does not know.
     */
    static Optional<Class<?>> namedSubcommand(CommandLine root, String[] args) {
        CommandLine.Model.CommandSpec spec = root.getCommandSpec();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("-")) {
                int equals = arg.indexOf('=');
                CommandLine.Model.OptionSpec option = spec.findOption(equals < 0 ? arg : arg.substring(0, equals));
                if (option == null || option.usageHelp() || option.versionHelp()) {
                    return Optional.empty();
                }
                if (equals < 0 && option.arity().max() > 0) {
                    i++;
                }
                continue;
            }
            return SUBCOMMANDS.stream()
                    .filter(command -> command != CommandLine.HelpCommand.class)
                    .filter(command -> names(command).contains(arg))
                    .findFirst();
        }
        return Optional.empty();
    }

    private static List<String> names(Class<?> command) {
        Command annotation = command.getAnnotation(Command.class);
        return Stream.concat(Stream.of(annotation.name()), Arrays.stream(annotation.aliases())).toList();
    }

    /**
     * Starts the logging system on another thread: it takes about a tenth of a second, which the building of the
     * command line on this one need not wait for. Nothing may log before {@link #awaitLogging}: a logger asked for
     * while logging starts is a stand-in whose events are replayed later.
     */
    private static Thread startLogging() {
        Thread thread = new Thread(LoggerFactory::getILoggerFactory, "docchat-logging-start");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void awaitLogging(Thread logging) {
        if (logging == null) {
            return;
        }
        boolean interrupted = false;
        while (logging.isAlive()) {
            try {
                logging.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void configureLogging() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (verbose && factory instanceof LoggerContext context) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.DEBUG);
        }
    }

    private int report(Exception e) {
        int code;
        String message;
        if (e instanceof CliException cli) {
            code = cli.exitCode();
            message = cli.getMessage();
        } else if (e instanceof DocChatException docChat) {
            code = ExitCodes.of(docChat);
            message = docChat.getMessage();
        } else if (e instanceof UncheckedIOException io) {
            code = ExitCodes.FAILURE;
            message = io.getMessage();
        } else {
            code = ExitCodes.FAILURE;
            message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        Terminal terminal = environment.terminal();
        terminal.err().println(terminal.red("error: ") + message);
        if (verbose) {
            e.printStackTrace(terminal.err());
        }
        terminal.err().flush();
        return code;
    }

    private static int reportUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println("error: " + e.getMessage());
        command.getErr().println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        command.getErr().flush();
        return ExitCodes.USAGE;
    }
}
