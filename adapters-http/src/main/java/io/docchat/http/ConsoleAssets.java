package io.docchat.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The web console's static files, looked up on the classpath under {@code io/docchat/http/console/}: {@code /} is
 * {@code index.html}, {@code /console/<file>} the file of that name. Refuses anything that could leave the folder.
 */
final class ConsoleAssets {
    /** Where console files other than the index are served. */
    static final String PREFIX = "/console/";
    private static final String ROOT = "io/docchat/http/console/";
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\\.[A-Za-z0-9]+");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=utf-8",
            "js", "text/javascript;charset=utf-8",
            "css", "text/css;charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "json", "application/json;charset=utf-8",
            "ico", "image/x-icon");

    private ConsoleAssets() {}

    /** A console file: its bytes and media type. */
    record Asset(byte[] bytes, String contentType) {}

    /** The file for a request path, or empty when there is none (or the path is not a plain file name). */
    static Optional<Asset> find(String requestPath) {
        String relative;
        if (requestPath.equals("/")) {
            relative = "index.html";
        } else if (requestPath.startsWith(PREFIX)) {
            relative = requestPath.substring(PREFIX.length());
        } else {
            return Optional.empty();
        }
        if (!SAFE_PATH.matcher(relative).matches()) {
            return Optional.empty();
        }
        String type = TYPES.get(relative.substring(relative.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
        if (type == null) {
            return Optional.empty();
        }
        try (InputStream in = ConsoleAssets.class.getClassLoader().getResourceAsStream(ROOT + relative)) {
            return in == null ? Optional.empty() : Optional.of(new Asset(in.readAllBytes(), type));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read console file " + relative, e);
        }
    }
}
