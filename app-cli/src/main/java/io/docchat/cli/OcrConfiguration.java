package io.docchat.cli;

import io.docchat.documents.OcrSettings;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The {@code ocr.*} settings of the configuration file, each overridden by its {@code DOCCHAT_OCR_*} environment
 * variable, as {@link OcrSettings} for the document parsers.
 */
public final class OcrConfiguration {

    /** Configuration file keys and the environment variables that override them, in documentation order. */
    public static final Map<String, String> KEYS;

    static {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("ocr.enabled", "DOCCHAT_OCR_ENABLED");
        keys.put("ocr.languages", "DOCCHAT_OCR_LANGUAGES");
        keys.put("ocr.dpi", "DOCCHAT_OCR_DPI");
        keys.put("ocr.maxPages", "DOCCHAT_OCR_MAX_PAGES");
        keys.put("ocr.timeoutSeconds", "DOCCHAT_OCR_TIMEOUT_SECONDS");
        keys.put("ocr.pageTimeoutSeconds", "DOCCHAT_OCR_PAGE_TIMEOUT_SECONDS");
        keys.put("ocr.lowConfidence", "DOCCHAT_OCR_LOW_CONFIDENCE");
        keys.put("ocr.command", "DOCCHAT_OCR_COMMAND");
        keys.put("ocr.threads", "DOCCHAT_OCR_THREADS");
        KEYS = java.util.Collections.unmodifiableMap(keys);
    }

    private OcrConfiguration() {}

    /**
     * The settings from the file (if it exists) and the environment, defaults for the rest.
     *
     * @throws CliException with the usage exit code for a value that is not valid, naming the key
     */
    public static OcrSettings resolve(Path configFile, CliEnvironment environment) {
        Properties file = load(configFile);
        Map<String, String> values = new LinkedHashMap<>();
        KEYS.forEach((key, variable) -> {
            String value = environment.variable(variable);
            if (value == null) {
                value = file.getProperty(key);
            }
            if (value != null && !value.isBlank()) {
                values.put(key, value.strip());
            }
        });
        OcrSettings settings = OcrSettings.defaults();
        try {
            for (Map.Entry<String, String> entry : values.entrySet()) {
                settings = apply(settings, entry.getKey(), entry.getValue());
            }
            return settings;
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, "invalid OCR setting: " + e.getMessage(), e);
        }
    }

    private static OcrSettings apply(OcrSettings settings, String key, String value) {
        return switch (key) {
            case "ocr.enabled" -> settings.withEnabled(bool(key, value));
            case "ocr.languages" -> settings.withLanguages(value);
            case "ocr.dpi" -> settings.withDpi(integer(key, value));
            case "ocr.maxPages" -> settings.withMaxPagesPerDocument(integer(key, value));
            case "ocr.timeoutSeconds" -> settings.withDocumentTimeout(Duration.ofSeconds(integer(key, value)));
            case "ocr.pageTimeoutSeconds" -> settings.withPageTimeout(Duration.ofSeconds(integer(key, value)));
            case "ocr.lowConfidence" -> settings.withLowConfidence(integer(key, value));
            case "ocr.command" -> settings.withCommand(value);
            case "ocr.threads" -> settings.withThreads(integer(key, value));
            default -> throw new IllegalArgumentException("unknown key " + key);
        };
    }

    private static boolean bool(String key, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, not '" + value + "'");
        };
    }

    private static int integer(String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not '" + value + "'");
        }
    }

    private static Properties load(Path configFile) {
        Properties properties = new Properties();
        if (Files.isRegularFile(configFile)) {
            try (Reader reader = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + configFile + ": " + e.getMessage(), e);
            }
        }
        return properties;
    }
}
