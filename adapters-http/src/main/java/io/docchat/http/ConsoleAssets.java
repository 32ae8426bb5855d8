package io.docchat.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The web console's static files, read from the classpath folder {@code io/docchat/http/console/}.
 *
 * <p>{@code /} is the console's {@code index.html}; {@code /console/<name>} is a file of the folder. Only plain names
 * of letters, digits, {@code -}, {@code _} and {@code .} in sub-folders are looked up, so {@code ..}, encoded
 * characters, backslashes and anything outside the folder are refused (as not found) before the classpath is asked.
 */
public final class ConsoleAssets {
    /** The path prefix under which the console's files are served. */
    public static final String PREFIX = "/console/";

    private static final String FOLDER = "io/docchat/http/console/";
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]*(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "json", "application/json; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "woff2", "font/woff2");

    private ConsoleAssets() {}

    /**
     * One file of the console.
     *
     * @param bytes       the file's content
     * @param contentType its media type, with the charset for text
     */
    public record Asset(byte[] bytes, String contentType) {}

    /**
     * The console file for a request path ({@code /} or {@code /console/...}, without query), or empty when there is
     * none or the path is not a plain name inside the console folder.
     */
    public static Optional<Asset> find(String requestPath) {
        if (requestPath == null) {
            return Optional.empty();
        }
        String name;
        if (requestPath.equals("/") || requestPath.equals(PREFIX)) {
            name = "index.html";
        } else if (requestPath.startsWith(PREFIX)) {
            name = requestPath.substring(PREFIX.length());
        } else {
            return Optional.empty();
        }
        if (!SAFE_PATH.matcher(name).matches() || name.contains("..")) {
            return Optional.empty();
        }
        int dot = name.lastIndexOf('.');
        String type = dot < 0 ? null : TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (type == null) {
            return Optional.empty();
        }
        try (InputStream in = ConsoleAssets.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new Asset(in.readAllBytes(), type));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the console file " + name, e);
        }
    }
}
