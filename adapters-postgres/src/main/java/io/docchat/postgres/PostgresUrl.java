package io.docchat.postgres;

import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A PostgreSQL connection address as people write it ({@code postgresql://user:password@host:5432/docchat}, the form
 * libpq and {@code psql} take; {@code postgres://} too), translated for the JDBC driver. A {@code jdbc:postgresql:}
 * URL is taken as it is.
 *
 * @param jdbcUrl  the address for the driver, without credentials
 * @param user     the login, or null to leave it to the driver (parameters, or the driver's defaults)
 * @param password the password, or null
 * @param display  the address without the password, for messages and logs
 */
record PostgresUrl(String jdbcUrl, String user, String password, String display) {

    static PostgresUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw invalid(url, "it is empty");
        }
        String trimmed = url.strip();
        if (trimmed.startsWith("jdbc:postgresql:")) {
            return new PostgresUrl(trimmed, null, null, trimmed.replaceAll("password=[^&]*", "password=***"));
        }
        if (!trimmed.startsWith("postgresql://") && !trimmed.startsWith("postgres://")) {
            throw invalid(url, "it must start with postgresql://");
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw invalid(url, e.getReason());
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw invalid(url, "it names no host");
        }
        String path = uri.getRawPath();
        if (path == null || path.length() <= 1) {
            throw invalid(url, "it names no database (postgresql://host:port/database)");
        }
        String database = path.substring(1);
        String hostPort = (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host)
                + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String user = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        String display = "postgresql://" + (user == null ? "" : user + "@") + hostPort + "/" + database;
        return new PostgresUrl("jdbc:postgresql://" + hostPort + "/" + database + query, user, password, display);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static DocChatException invalid(String url, String why) {
        return new DocChatException(ErrorCode.INVALID_PARAMETER, "store",
                "not a PostgreSQL address (" + why + "): expected postgresql://user:password@host:port/database", null);
    }
}
