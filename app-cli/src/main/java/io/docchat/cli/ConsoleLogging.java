package io.docchat.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import java.util.List;

/**
 * The command line's logging, set up in code rather than from an XML file (parsing one costs a start-up a few hundred
 * classes): the console belongs to the commands, so library logs go to standard error, warnings only (debug with
 * {@code --verbose}). A configuration file named by {@code -Dlogback.configurationFile} still takes precedence.
 */
public final class ConsoleLogging extends ContextAwareBase implements Configurator {
    /**
     * Libraries whose warnings say nothing a user can act on: PDFBox, FontBox and POI about quirks of the files they
     * read; Jetty about every malformed request it refuses (the client already got a JSON 400, and a stranger could
     * fill the operator's console with them); the tokenizer library, at every start, that a machine without a GPU has
     * no GPU. Their errors still show.
     */
    static final List<String> ERRORS_ONLY = List.of(
            "org.apache.pdfbox", "org.apache.fontbox", "org.apache.poi", "org.eclipse.jetty", "ai.djl");

    static final String PATTERN = "%level %logger{0}: %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty(ContextInitializer.CONFIG_FILE_PROPERTY) != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        context.getStatusManager().add(new NopStatusListener());
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("STDERR");
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(appender);
        for (String name : ERRORS_ONLY) {
            context.getLogger(name).setLevel(Level.ERROR);
        }
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
